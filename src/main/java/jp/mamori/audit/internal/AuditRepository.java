package jp.mamori.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jp.mamori.audit.AuditEntry;
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

	public List<AuditEntry> all() {
		return jdbc.sql("select " + COLUMNS + " from audit_entry order by seq").query(AuditRepository::entry).list();
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		UUID org = rs.getObject("org_id", UUID.class);
		return new AuditEntry(rs.getLong("seq"), org == null ? null : new OrgId(org),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("prev_hash"),
				rs.getString("hash"));
	}

}
