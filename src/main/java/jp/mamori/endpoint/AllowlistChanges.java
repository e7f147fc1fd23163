package jp.mamori.endpoint;

import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.shared.ledger.LedgerChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Computes the collector findings again when the organisation's 許可ソフトウェア一覧 changes (a row
 * created, edited or deleted, or an Excel import), so the machine pages and the 2-⑫ check
 * follow the edited policy without a new collector import.
 *
 * <p>
 * Runs synchronously inside the ledger change's transaction rather than after commit: the
 * new findings commit together with the row, and the evaluation cache (which records the
 * change after commit) can never cache an answer computed from the old findings.
 */
@Component
class AllowlistChanges {

	private final ImportCollectorFiles imports;

	AllowlistChanges(ImportCollectorFiles imports) {
		this.imports = imports;
	}

	@EventListener
	void ledgerChanged(LedgerChanged event) {
		if (InventoryLedgers.SOFTWARE_ALLOWLIST.equals(event.ledger())) {
			imports.refreshFindings(event.org());
		}
	}

}
