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
		return jdbc
			.sql("select " + columns(ledger) + " from " + ledger.table() + " where org_id = ? order by "
					+ ledger.labelColumn().dbColumn() + ", created_at, id offset ? rows fetch next ? rows only")
			.params(org.value(), offset, limit)
			.query((rs, n) -> row(ledger, rs))
			.list();
	}

	/**
	 * Rows whose label (the ledger's first column, e.g. 機器名) contains {@code filter},
	 * ignoring case; all rows when the filter is blank.
	 */
	public long count(LedgerDefinition ledger, OrgId org, String filter) {
		if (filter == null || filter.isBlank()) {
			return count(ledger, org);
		}
		return jdbc.sql("select count(*) from " + ledger.table() + " where org_id = ? and " + labelMatches(ledger))
			.params(org.value(), containsPattern(filter))
			.query(Long.class)
			.single();
	}

	/** One page of the rows whose label contains {@code filter}, in label order. */
	public List<LedgerRow> list(LedgerDefinition ledger, OrgId org, String filter, int offset, int limit) {
		if (filter == null || filter.isBlank()) {
			return list(ledger, org, offset, limit);
		}
		return jdbc
			.sql("select " + columns(ledger) + " from " + ledger.table() + " where org_id = ? and "
					+ labelMatches(ledger) + " order by " + ledger.labelColumn().dbColumn()
					+ ", created_at, id offset ? rows fetch next ? rows only")
			.params(org.value(), containsPattern(filter), offset, limit)
			.query((rs, n) -> row(ledger, rs))
			.list();
	}

	private static String labelMatches(LedgerDefinition ledger) {
		return "lower(" + ledger.labelColumn().dbColumn() + ") like ? escape '!'";
	}

	/** A LIKE pattern for "contains", with the user's own wildcards taken literally. */
	static String containsPattern(String filter) {
		String escaped = filter.strip()
			.toLowerCase(java.util.Locale.ROOT)
			.replace("!", "!!")
			.replace("%", "!%")
			.replace("_", "!_");
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
		return "insert into " + ledger.table() + " (id, org_id, version, created_at, updated_at, updated_by, " + names
				+ ") values (?, ?, 0, ?, ?, ?, " + marks + ")";
	}

	private static Object[] insertArgs(LedgerDefinition ledger, OrgId org, UUID id, Map<String, Object> values,
			Instant at, String by) {
		List<Object> args = new ArrayList<>(List.of(id, org.value(), utc(at), utc(at), by));
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
		args.addAll(List.of(utc(at), by, org.value(), id));
		String versionCheck = "";
		if (expectedVersion != null) {
			versionCheck = " and version = ?";
			args.add(expectedVersion);
		}
		return template.update("update " + ledger.table() + " set " + sets
				+ ", version = version + 1, updated_at = ?, updated_by = ? where org_id = ? and id = ?" + versionCheck,
				args.toArray());
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
