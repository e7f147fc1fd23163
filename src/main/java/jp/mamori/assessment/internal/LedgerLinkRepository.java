package jp.mamori.assessment.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Ledger rows linked to checklist items as evidence; every statement scoped by
 * organisation.
 */
@Repository
public class LedgerLinkRepository {

	/** A link: which ledger, which row. */
	public record Link(String ledger, UUID rowId) {
	}

	private final JdbcClient jdbc;

	LedgerLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean exists(OrgId org, UUID assessment, String itemId, String ledger, UUID rowId) {
		return jdbc
			.sql("select count(*) from answer_ledger_link where org_id = ? and assessment_id = ? "
					+ "and item_id = ? and ledger = ? and row_id = ?")
			.params(org.value(), assessment, itemId, ledger, rowId)
			.query(Long.class)
			.single() > 0;
	}

	public void insert(OrgId org, UUID assessment, String itemId, String ledger, UUID rowId, Instant at, String by) {
		jdbc.sql(
				"insert into answer_ledger_link (org_id, assessment_id, item_id, ledger, row_id, linked_at, linked_by) "
						+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(org.value(), assessment, itemId, ledger, rowId, at.atOffset(ZoneOffset.UTC), by)
			.update();
	}

	public int delete(OrgId org, UUID assessment, String itemId, String ledger, UUID rowId) {
		return jdbc
			.sql("delete from answer_ledger_link where org_id = ? and assessment_id = ? and item_id = ? "
					+ "and ledger = ? and row_id = ?")
			.params(org.value(), assessment, itemId, ledger, rowId)
			.update();
	}

	public List<Link> links(OrgId org, UUID assessment, String itemId) {
		return jdbc
			.sql("select ledger, row_id from answer_ledger_link where org_id = ? and assessment_id = ? "
					+ "and item_id = ? order by linked_at")
			.params(org.value(), assessment, itemId)
			.query((rs, n) -> new Link(rs.getString(1), rs.getObject(2, UUID.class)))
			.list();
	}

}
