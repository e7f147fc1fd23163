package jp.mamori.shared.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores ledger rows in the ledger's own table. SQL is built from the definition's table
 * and column names, which are constants checked when the definition is made — never from
 * input. Every statement is scoped by organisation.
 */
@Component
public class LedgerStore {

	/** Up to this many rows a list is read in two steps (ids, then rows). */
	static final int TWO_STEP_LIMIT = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	LedgerStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	private static String columns(LedgerDefinition ledger) {
		return "id, version, updated_at, updated_by, "
				+ ledger.columns().stream().map(LedgerColumn::dbColumn).collect(Collectors.joining(", "));
	}

	public long count(LedgerDefinition ledger, OrgId org) {
		return jdbc.sql("select count(*) from " + ledger.table() + " where org_id = ?")
			.param(org.value())
			.query(Long.class)
			.single();
	}

	/** Rows in label order, one page. */
	public List<LedgerRow> list(LedgerDefinition ledger, OrgId org, int offset, int limit) {
		return list(ledger, org, null, offset, limit);
	}

	/**
	 * Rows whose label (the ledger's label column, e.g. 機器名) contains {@code filter},
	 * ignoring case and full-/half-width ({@link LedgerLabelKey}); all rows when the
	 * filter is blank.
	 */
	public long count(LedgerDefinition ledger, OrgId org, String filter) {
		if (filter == null || filter.isBlank()) {
			return count(ledger, org);
		}
		return jdbc.sql("select count(*) from " + ledger.table() + " where org_id = ? and label_key like ? escape '!'")
			.params(org.value(), containsPattern(filter))
			.query(Long.class)
			.single();
	}

	/**
	 * One page of the rows whose label contains {@code filter} (all rows when blank), in
	 * label order. A page of a screen (up to {@value #TWO_STEP_LIMIT} rows) is read in
	 * two steps: the page's ids in order, then those rows; on H2 the first step reads
	 * only the label-key index (migration 98), not every row of the organisation. Larger
	 * reads (a check or an export takes every row) are one query.
	 */
	public List<LedgerRow> list(LedgerDefinition ledger, OrgId org, String filter, int offset, int limit) {
		PageQuery query = PageQuery.of(ledger, org, filter, offset, limit);
		if (limit > TWO_STEP_LIMIT) {
			return jdbc.sql("select " + columns(ledger) + query.from())
				.params(query.args())
				.query((rs, n) -> row(ledger, rs))
				.list();
		}
		return rowsInOrder(ledger, org,
				jdbc.sql("select id" + query.from()).params(query.args()).query(UUID.class).list());
	}

	/**
	 * The {@code from … order by … offset/fetch} part of a page and its arguments: the
	 * organisation, the filter's pattern when there is one, offset and limit.
	 */
	private record PageQuery(String from, List<Object> args) {

		static PageQuery of(LedgerDefinition ledger, OrgId org, String filter, int offset, int limit) {
			boolean filtered = filter != null && !filter.isBlank();
			List<Object> args = new ArrayList<>();
			args.add(org.value());
			if (filtered) {
				args.add(containsPattern(filter));
			}
			args.add(offset);
			args.add(limit);
			return new PageQuery(
					" from " + ledger.table() + " where org_id = ?"
							+ (filtered ? " and label_key like ? escape '!'" : "") + " order by "
							+ ledger.labelColumn().dbColumn() + ", created_at, id offset ? rows fetch next ? rows only",
					args);
		}

	}

	/** One page of a list and the number of rows the filter matches. */
	public record Page(long total, List<LedgerRow> rows) {
	}

	/**
	 * {@link #list(LedgerDefinition, OrgId, String, int, int)} and
	 * {@link #count(LedgerDefinition, OrgId, String)} in one read of the index: the
	 * page's ids carry the total ({@code count(*) over ()}); only a page past the end
	 * counts again.
	 */
	public Page page(LedgerDefinition ledger, OrgId org, String filter, int offset, int limit) {
		if (limit > TWO_STEP_LIMIT) {
			throw new IllegalArgumentException("a page has at most " + TWO_STEP_LIMIT + " rows");
		}
		PageQuery query = PageQuery.of(ledger, org, filter, offset, limit);
		long[] total = { -1 };
		List<UUID> ids = jdbc.sql("select id, count(*) over () as total" + query.from())
			.params(query.args())
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return rs.getObject("id", UUID.class);
			})
			.list();
		if (ids.isEmpty()) {
			return new Page(count(ledger, org, filter), List.of());
		}
		return new Page(total[0], rowsInOrder(ledger, org, ids));
	}

	private List<LedgerRow> rowsInOrder(LedgerDefinition ledger, OrgId org, List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, LedgerRow> rows = new java.util.HashMap<>();
		jdbc.sql("select " + columns(ledger) + " from " + ledger.table() + " where org_id = :org and id in (:ids)")
			.param("org", org.value())
			.param("ids", ids)
			.query((rs, n) -> row(ledger, rs))
			.list()
			.forEach(r -> rows.put(r.id(), r));
		// a row deleted between the two steps is left out
		return ids.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
	}

	/**
	 * A LIKE pattern for "contains" on {@code label_key}, with the user's own wildcards
	 * taken literally.
	 */
	static String containsPattern(String filter) {
		String escaped = LedgerLabelKey.of(filter.strip()).replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return "%" + escaped + "%";
	}

	public Optional<LedgerRow> find(LedgerDefinition ledger, OrgId org, UUID id) {
		return jdbc.sql("select " + columns(ledger) + " from " + ledger.table() + " where org_id = ? and id = ?")
			.params(org.value(), id)
			.query((rs, n) -> row(ledger, rs))
			.optional();
	}

	public void insert(LedgerDefinition ledger, OrgId org, UUID id, Map<String, Object> values, Instant at, String by) {
		template.update(insertSql(ledger), insertArgs(ledger, org, id, values, at, by));
	}

	/** Many rows in JDBC batches (imports of thousands of rows). */
	public void insertAll(LedgerDefinition ledger, OrgId org, List<Map<String, Object>> rows, Instant at, String by,
			java.util.function.IntConsumer written) {
		List<Object[]> args = new ArrayList<>(rows.size());
		for (Map<String, Object> values : rows) {
			args.add(insertArgs(ledger, org, UUID.randomUUID(), values, at, by));
		}
		for (int from = 0; from < args.size(); from += 1000) {
			int to = Math.min(args.size(), from + 1000);
			template.batchUpdate(insertSql(ledger), args.subList(from, to));
			written.accept(to);
		}
	}

	private static String insertSql(LedgerDefinition ledger) {
		String names = ledger.columns().stream().map(LedgerColumn::dbColumn).collect(Collectors.joining(", "));
		String marks = ledger.columns().stream().map(c -> "?").collect(Collectors.joining(", "));
		return "insert into " + ledger.table()
				+ " (id, org_id, version, created_at, updated_at, updated_by, label_key, " + names
				+ ") values (?, ?, 0, ?, ?, ?, ?, " + marks + ")";
	}

	private static Object[] insertArgs(LedgerDefinition ledger, OrgId org, UUID id, Map<String, Object> values,
			Instant at, String by) {
		List<Object> args = new ArrayList<>(List.of(id, org.value(), utc(at), utc(at), by));
		args.add(LedgerLabelKey.of(sqlValue(ledger.labelColumn(), values.get(ledger.labelKey()))));
		ledger.columns().forEach(c -> args.add(sqlValue(c, values.get(c.key()))));
		return args.toArray();
	}

	/**
	 * Updates if the row is still at {@code expectedVersion} (any version when null);
	 * rows changed.
	 */
	public int update(LedgerDefinition ledger, OrgId org, UUID id, Integer expectedVersion, Map<String, Object> values,
			Instant at, String by) {
		String sets = ledger.columns().stream().map(c -> c.dbColumn() + " = ?").collect(Collectors.joining(", "));
		List<Object> args = new ArrayList<>();
		ledger.columns().forEach(c -> args.add(sqlValue(c, values.get(c.key()))));
		args.add(LedgerLabelKey.of(sqlValue(ledger.labelColumn(), values.get(ledger.labelKey()))));
		args.addAll(List.of(utc(at), by, org.value(), id));
		String versionCheck = "";
		if (expectedVersion != null) {
			versionCheck = " and version = ?";
			args.add(expectedVersion);
		}
		return template.update("update " + ledger.table() + " set " + sets
				+ ", label_key = ?, version = version + 1, updated_at = ?, updated_by = ? where org_id = ? and id = ?"
				+ versionCheck, args.toArray());
	}

	public int delete(LedgerDefinition ledger, OrgId org, UUID id) {
		return jdbc.sql("delete from " + ledger.table() + " where org_id = ? and id = ?")
			.params(org.value(), id)
			.update();
	}

	private static Object sqlValue(LedgerColumn column, Object value) {
		if (value instanceof List<?> list) {
			return String.join("\n", list.stream().map(Object::toString).toList());
		}
		return value;
	}

	private static LedgerRow row(LedgerDefinition ledger, ResultSet rs) throws SQLException {
		Map<String, Object> values = new LinkedHashMap<>();
		for (LedgerColumn column : ledger.columns()) {
			String name = column.dbColumn();
			Object value = switch (column.type()) {
				case DATE -> rs.getObject(name, LocalDate.class);
				case INTEGER -> {
					long v = rs.getLong(name);
					yield rs.wasNull() ? null : v;
				}
				case BOOLEAN -> {
					boolean v = rs.getBoolean(name);
					yield rs.wasNull() ? null : v;
				}
				case LIST -> {
					String text = rs.getString(name);
					yield text == null || text.isEmpty() ? null : Arrays.asList(text.split("\n"));
				}
				default -> rs.getString(name);
			};
			values.put(column.key(), value);
		}
		OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
		return new LedgerRow(rs.getObject("id", UUID.class), rs.getInt("version"), values,
				updated == null ? null : updated.toInstant(), rs.getString("updated_by"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
