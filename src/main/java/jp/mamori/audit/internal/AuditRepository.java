package jp.mamori.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import jp.mamori.audit.AuditEntry;
import jp.mamori.audit.AuditFilter;
import jp.mamori.shared.ClockConfiguration;
import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuditRepository {

	public static final String GENESIS = "0".repeat(64);

	public record Head(long lastSeq, String lastHash) {
	}

	private static final String COLUMNS = "seq, org_id, occurred_at, actor, action, target, detail, prev_hash, hash";

	private final JdbcClient jdbc;

	AuditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Head lockHead() {
		return jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
	}

	public Head head() {
		return jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
	}

	public void insert(AuditEntry e) {
		jdbc.sql("insert into audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(e.seq(), e.org() == null ? null : e.org().value(), e.occurredAt().atOffset(ZoneOffset.UTC),
					e.actor(), e.action(), e.target(), e.detail(), e.prevHash(), e.hash())
			.update();
	}

	public void moveHead(long seq, String hash) {
		jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1").params(seq, hash).update();
	}

	public List<AuditEntry> entries(OrgId org, int limit) {
		return jdbc
			.sql("select " + COLUMNS + " from audit_entry where org_id = ? order by seq desc fetch first ? rows only")
			.params(org.value(), limit)
			.query(AuditRepository::entry)
			.list();
	}

	/** Entries of the organisation up to {@code upToSeq} that match the filter. */
	public long count(OrgId org, AuditFilter filter, long upToSeq) {
		Where where = Where.of(org, filter, upToSeq);
		return jdbc.sql("select count(*) from audit_entry" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
	}

	/** A page of matching entries, newest first. */
	public List<AuditEntry> page(OrgId org, AuditFilter filter, long offset, int limit) {
		Where where = Where.of(org, filter, Long.MAX_VALUE);
		List<Object> params = new ArrayList<>(where.params());
		params.add(offset);
		params.add(limit);
		return jdbc
			.sql("select " + COLUMNS + " from audit_entry" + where.sql()
					+ " order by seq desc offset ? rows fetch next ? rows only")
			.params(params)
			.query(AuditRepository::entry)
			.list();
	}

	/**
	 * Matching entries up to {@code upToSeq}, oldest first, read as they are consumed;
	 * the caller closes the stream.
	 */
	public Stream<AuditEntry> stream(OrgId org, AuditFilter filter, long upToSeq) {
		Where where = Where.of(org, filter, upToSeq);
		return jdbc.sql("select " + COLUMNS + " from audit_entry" + where.sql() + " order by seq")
			.params(where.params())
			.query(AuditRepository::entry)
			.stream();
	}

	public List<String> actions(OrgId org) {
		return jdbc.sql("select distinct action from audit_entry where org_id = ? order by action")
			.params(org.value())
			.query(String.class)
			.list();
	}

	public List<String> actors(OrgId org) {
		return jdbc.sql("select distinct actor from audit_entry where org_id = ? order by actor")
			.params(org.value())
			.query(String.class)
			.list();
	}

	public List<AuditEntry> all() {
		return jdbc.sql("select " + COLUMNS + " from audit_entry order by seq").query(AuditRepository::entry).list();
	}

	/**
	 * The where clause of a search: always one organisation; dates are whole days in
	 * Japan time. Plain SQL that H2 and PostgreSQL read alike.
	 */
	record Where(String sql, List<Object> params) {

		static Where of(OrgId org, AuditFilter filter, long upToSeq) {
			Objects.requireNonNull(org, "org");
			StringBuilder sql = new StringBuilder(" where org_id = ? and seq <= ?");
			List<Object> params = new ArrayList<>(List.of(org.value(), upToSeq));
			if (filter.from() != null) {
				sql.append(" and occurred_at >= ?");
				params.add(startOf(filter.from()));
			}
			if (filter.to() != null) {
				sql.append(" and occurred_at < ?");
				params.add(startOf(filter.to().plusDays(1)));
			}
			if (filter.actor() != null) {
				sql.append(" and actor = ?");
				params.add(filter.actor());
			}
			if (filter.action() != null) {
				sql.append(" and (action = ? or action like ? escape '!')");
				params.add(filter.action());
				params.add(literal(filter.action()) + ".%");
			}
			if (filter.text() != null) {
				String words = "%" + literal(filter.text().toLowerCase(Locale.ROOT)) + "%";
				sql.append(" and (lower(target) like ? escape '!' or lower(detail) like ? escape '!')");
				params.add(words);
				params.add(words);
			}
			return new Where(sql.toString(), List.copyOf(params));
		}

		private static OffsetDateTime startOf(LocalDate day) {
			return day.atStartOfDay(ClockConfiguration.JAPAN).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
		}

		/** The text matched as typed: {@code %} and {@code _} are not wildcards. */
		private static String literal(String text) {
			return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
		}

	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		UUID org = rs.getObject("org_id", UUID.class);
		return new AuditEntry(rs.getLong("seq"), org == null ? null : new OrgId(org),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("prev_hash"),
				rs.getString("hash"));
	}

}
