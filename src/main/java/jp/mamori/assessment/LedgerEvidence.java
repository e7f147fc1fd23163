package jp.mamori.assessment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: link ledger rows (a device, a remote connection, a backup, a 規程 …) to a
 * checklist item as its evidence, and list them. Only rows of the same organisation can
 * be linked.
 */
@Service
public class LedgerEvidence {

	/** A link was added or removed. */
	public record LedgerEvidenceChanged(OrgId org, UUID assessment, String itemId, String ledger, UUID row,
			boolean removed, String by) implements Auditable {

		@Override
		public AuditFacts audit() {
			return new AuditFacts(org, by, removed ? "assessment.evidence.unlinked" : "assessment.evidence.linked",
					assessment + " " + itemId, ledger + " " + row);
		}

	}

	private final JdbcClient jdbc;

	private final Ledgers ledgers;

	private final LedgerStore store;

	private final AssessmentQueries queries;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LedgerEvidence(JdbcClient jdbc, Ledgers ledgers, LedgerStore store, AssessmentQueries queries,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.ledgers = ledgers;
		this.store = store;
		this.queries = queries;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public void link(OrgId org, UUID assessment, String itemId, String ledger, UUID rowId, String by) {
		requireItem(org, assessment, itemId);
		LedgerDefinition definition = ledgers.require(ledger);
		store.find(definition, org, rowId).orElseThrow(() -> new NotFoundException("台帳の行が見つかりません"));
		boolean linked = jdbc
			.sql("select count(*) from answer_ledger_link where org_id = ? and assessment_id = ? "
					+ "and item_id = ? and ledger = ? and row_id = ?")
			.params(org.value(), assessment, itemId, ledger, rowId)
			.query(Long.class)
			.single() > 0;
		if (!linked) {
			jdbc.sql(
					"insert into answer_ledger_link (org_id, assessment_id, item_id, ledger, row_id, linked_at, linked_by) "
							+ "values (?, ?, ?, ?, ?, ?, ?)")
				.params(org.value(), assessment, itemId, ledger, rowId,
						OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), by)
				.update();
			events.publishEvent(new LedgerEvidenceChanged(org, assessment, itemId, ledger, rowId, false, by));
		}
	}

	@Transactional
	public void unlink(OrgId org, UUID assessment, String itemId, String ledger, UUID rowId, String by) {
		requireItem(org, assessment, itemId);
		int removed = jdbc
			.sql("delete from answer_ledger_link where org_id = ? and assessment_id = ? and item_id = ? "
					+ "and ledger = ? and row_id = ?")
			.params(org.value(), assessment, itemId, ledger, rowId)
			.update();
		if (removed > 0) {
			events.publishEvent(new LedgerEvidenceChanged(org, assessment, itemId, ledger, rowId, true, by));
		}
	}

	public List<LinkedLedgerRow> linked(OrgId org, UUID assessment, String itemId) {
		return jdbc
			.sql("select ledger, row_id from answer_ledger_link where org_id = ? and assessment_id = ? "
					+ "and item_id = ? order by linked_at")
			.params(org.value(), assessment, itemId)
			.query((rs, n) -> describe(org, rs.getString(1), rs.getObject(2, UUID.class)))
			.list();
	}

	private LinkedLedgerRow describe(OrgId org, String ledger, UUID rowId) {
		return ledgers.find(ledger).map(definition -> {
			var row = store.find(definition, org, rowId);
			return new LinkedLedgerRow(ledger, definition.title(), rowId, row.map(r -> label(definition, r)).orElse(""),
					row.isPresent());
		}).orElse(new LinkedLedgerRow(ledger, ledger, rowId, "", false));
	}

	static String label(LedgerDefinition definition, LedgerRow row) {
		Object value = row.value(definition.labelColumn().key());
		return value == null ? row.id().toString() : value.toString();
	}

	private void requireItem(OrgId org, UUID assessment, String itemId) {
		queries.view(org, assessment).row(itemId).orElseThrow(() -> new NotFoundException("項目が見つかりません: " + itemId));
	}

}
