package jp.mamori.reporting.internal;

import java.util.ArrayList;
import java.util.List;

import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;

/** Reads a whole ledger of an organisation page by page, in label order. */
public final class LedgerPages {

	private static final int PAGE_SIZE = 1000;

	private LedgerPages() {
	}

	public static List<LedgerRow> all(LedgerStore store, LedgerDefinition ledger, OrgId org) {
		List<LedgerRow> rows = new ArrayList<>();
		while (true) {
			List<LedgerRow> page = store.list(ledger, org, rows.size(), PAGE_SIZE);
			rows.addAll(page);
			if (page.size() < PAGE_SIZE) {
				return rows;
			}
		}
	}

}
