package jp.mamori.reporting.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The last print of each organisation's incident binder (one row per organisation). */
@Repository
public class BinderPrintRepository {

	private final JdbcClient jdbc;

	BinderPrintRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Instant> lastPrinted(OrgId org) {
		return jdbc.sql("select printed_at from reporting_binder_print where org_id = ?")
			.param(org.value())
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	public void recordPrint(OrgId org, Instant at, String by) {
		OffsetDateTime utc = at.atOffset(ZoneOffset.UTC);
		// update first, insert when absent: the same SQL on H2 and PostgreSQL (no MERGE /
		// ON CONFLICT dialects)
		int updated = jdbc.sql("update reporting_binder_print set printed_at = ?, printed_by = ? where org_id = ?")
			.params(utc, by, org.value())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into reporting_binder_print (org_id, printed_at, printed_by) values (?, ?, ?)")
				.params(org.value(), utc, by)
				.update();
		}
	}

}
