package jp.mamori.policy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import jp.mamori.evaluation.Check;
import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.stereotype.Component;

/**
 * 4-①: an approved 運用管理規程 exists and its next review date has not passed. The current one
 * is the most recently approved.
 */
@Component
class OperatingRulesCurrentCheck implements Check {

	static final String OPERATING_RULES = "operating_rules";

	private final Ledgers ledgers;

	private final LedgerStore store;

	OperatingRulesCurrentCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "policy.operating-rules-current";
	}

	@Override
	public String title() {
		return "承認された運用管理規程があり、見直しの期限を過ぎていないかを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		List<LedgerRow> rules = this.store
			.list(this.ledgers.require(PolicyLedgers.DOCUMENTS), context.org(), 0, Integer.MAX_VALUE)
			.stream()
			.filter(r -> OPERATING_RULES.equals(r.value("kind")))
			.toList();
		LedgerRow current = rules.stream()
			.filter(r -> r.value("approvedOn") != null)
			.max(Comparator.comparing((LedgerRow r) -> (LocalDate) r.value("approvedOn")))
			.orElse(null);
		if (current == null) {
			if (rules.isEmpty()) {
				return CheckResult.fail(List.of("承認された運用管理規程が記録されていません（規程・文書の台帳に種類「運用管理規程」の文書がありません）"), List.of());
			}
			List<CheckResult.Ref> refs = rules.stream()
				.map(r -> new CheckResult.Ref(PolicyLedgers.DOCUMENTS, r.id(), text(r, "title")))
				.toList();
			return CheckResult.fail(rules.stream().map(r -> "運用管理規程「" + text(r, "title") + "」に承認日が記録されていません").toList(),
					refs);
		}
		String name = "運用管理規程「" + text(current, "title") + "」" + text(current, "documentVersion");
		LocalDate approvedOn = (LocalDate) current.value("approvedOn");
		LocalDate nextReviewOn = (LocalDate) current.value("nextReviewOn");
		if (nextReviewOn != null && nextReviewOn.isBefore(context.today())) {
			return CheckResult.fail(
					List.of(name + " は次回見直し日 " + nextReviewOn + " を過ぎていますが、見直されていません（承認日 " + approvedOn + "）"),
					List.of(new CheckResult.Ref(PolicyLedgers.DOCUMENTS, current.id(), text(current, "title"))));
		}
		return CheckResult.pass(name + " が現行です（承認日 " + approvedOn
				+ (nextReviewOn == null ? "、次回見直し日は未記入" : "、次回見直し日 " + nextReviewOn) + "）");
	}

	private static String text(LedgerRow row, String key) {
		Object value = row.value(key);
		return (value == null) ? "" : value.toString().strip();
	}

}
