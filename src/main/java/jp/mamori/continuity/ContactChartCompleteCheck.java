package jp.mamori.continuity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jp.mamori.evaluation.Check;
import jp.mamori.evaluation.CheckFindings;
import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.stereotype.Component;

import static jp.mamori.evaluation.CheckFindings.text;

/**
 * 3-①: the contact chart reaches an internal decision-maker, 厚生労働省, 警察 and — when the
 * institution has vendors — a vendor.
 */
@Component
class ContactChartCompleteCheck implements Check {

	/** The vendor module's ledger, read by id (no code dependency). */
	static final String VENDORS = "vendors";

	private final Ledgers ledgers;

	private final LedgerStore store;

	ContactChartCompleteCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "continuity.contact-chart-complete";
	}

	@Override
	public String title() {
		return "インシデントの連絡体制に、院内の責任者と、厚生労働省・警察・事業者などの外部の連絡先が含まれていることを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		LedgerDefinition contacts = ledgers.require(ContactLedger.CONTACTS);
		List<LedgerRow> rows = store.list(contacts, context.org(), 0, Integer.MAX_VALUE);
		if (rows.isEmpty()) {
			return CheckResult.unknown("連絡先（連絡体制）が登録されていません。");
		}
		Set<String> categories = rows.stream()
			.map(r -> text(r, "category"))
			.filter(c -> c != null)
			.collect(Collectors.toSet());
		CheckFindings findings = CheckFindings.start();
		if (!categories.contains("security_manager") && !categories.contains("director")) {
			findings.add("連絡先に院内の責任者（" + ContactLedger.CATEGORIES.get("security_manager") + "または"
					+ ContactLedger.CATEGORIES.get("director") + "）がありません。");
		}
		if (!categories.contains("mhlw")) {
			findings.add("連絡先に厚生労働省がありません（医療情報技術推進室 " + ContactLedger.MHLW_PHONE + "）。");
		}
		if (!categories.contains("police")) {
			findings.add("連絡先に警察（都道府県警察のサイバー犯罪相談窓口または所轄の警察署）がありません。");
		}
		long vendors = store.count(ledgers.require(VENDORS), context.org());
		if (vendors > 0 && !categories.contains("vendor")) {
			findings.add("事業者一覧に " + vendors + " 社ありますが、連絡先に事業者がありません。");
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		return CheckResult
			.pass("連絡先 " + rows.size() + " 件に、院内の責任者と厚生労働省・警察" + (vendors > 0 ? "・事業者" : "") + "が含まれています。");
	}

}
