package jp.mamori.shared.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps an uploaded ledger file between its preview and its import, in the database (so
 * any node can finish the import), scoped by organisation; files older than a day are
 * dropped.
 */
@Component
public class LedgerUploads {

	/** A kept upload. */
	public record Upload(UUID id, String ledger, String fileName, String encoding, byte[] content) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	LedgerUploads(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public UUID keep(OrgId org, String ledger, String fileName, String encoding, byte[] content, String by) {
		jdbc.sql("delete from ledger_upload where created_at < ?")
			.param(clock.instant().minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
			.update();
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into ledger_upload (id, org_id, ledger, file_name, encoding, content, created_at, created_by) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, org.value(), ledger, fileName, encoding, content, clock.instant().atOffset(ZoneOffset.UTC), by)
			.update();
		return id;
	}

	public Optional<Upload> find(OrgId org, String ledger, UUID id) {
		return jdbc
			.sql("select id, ledger, file_name, encoding, content from ledger_upload "
					+ "where org_id = ? and ledger = ? and id = ?")
			.params(org.value(), ledger, id)
			.query((rs, n) -> new Upload(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBytes(5)))
			.optional();
	}

	public void discard(OrgId org, UUID id) {
		jdbc.sql("delete from ledger_upload where org_id = ? and id = ?").params(org.value(), id).update();
	}

}
