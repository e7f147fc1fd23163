package jp.mamori.assessment;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jp.mamori.assessment.internal.LedgerLinkRepository;
import jp.mamori.shared.Auditable;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.context.ApplicationEventPublisher;
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

	private final LedgerLinkRepository links;

	private final Ledgers ledgers;

	private final LedgerStore store;

	private final AssessmentQueries queries;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LedgerEvidence(LedgerLinkRepository links, Ledgers ledgers, LedgerStore store, AssessmentQueries queries,
			ApplicationEventPublisher events, Clock clock) {
		this.links = links;
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
		if (!links.exists(org, assessment, itemId, ledger, rowId)) {
			links.insert(org, assessment, itemId, ledger, rowId, clock.instant(), by);
			events.publishEvent(new LedgerEvidenceChanged(org, assessment, itemId, ledger, rowId, false, by));
		}
	}

	@Transactional
	public void unlink(OrgId org, UUID assessment, String itemId, String ledger, UUID rowId, String by) {
		requireItem(org, assessment, itemId);
		int removed = links.delete(org, assessment, itemId, ledger, rowId);
		if (removed > 0) {
			events.publishEvent(new LedgerEvidenceChanged(org, assessment, itemId, ledger, rowId, true, by));
		}
	}

	public List<LinkedLedgerRow> linked(OrgId org, UUID assessment, String itemId) {
		return links.links(org, assessment, itemId)
			.stream()
			.map(link -> describe(org, link.ledger(), link.rowId()))
			.toList();
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
