package jp.mamori.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.mamori.evaluation.Check;
import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.stereotype.Component;

/**
 * 1-①: a 医療情報システム安全管理責任者 is designated, with the date and the approver recorded. When the
 * ledger holds the history, the current designation is the one with the latest 指名日; a row
 * without a date is taken as the newest (a change not yet completed).
 */
@Component
class SecurityManagerDesignatedCheck implements Check {

	private final Ledgers ledgers;

	private final LedgerStore store;

	SecurityManagerDesignatedCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "policy.security-manager-designated";
	}

	@Override
	public String title() {
		return "医療情報システム安全管理責任者が指名され、指名日と承認者が記録されているかを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		List<LedgerRow> rows = this.store.list(this.ledgers.require(PolicyLedgers.SECURITY_MANAGER), context.org(), 0,
				Integer.MAX_VALUE);
		if (rows.isEmpty()) {
			return CheckResult.fail(List.of("安全管理責任者が記録されていません"), List.of());
		}
		LedgerRow current = rows.stream()
			.filter(r -> r.value("appointedOn") == null)
			.findFirst()
			.orElseGet(() -> rows.stream()
				.max(java.util.Comparator.comparing((LedgerRow r) -> (LocalDate) r.value("appointedOn")))
				.orElseThrow());
		String person = text(current, "person");
		LocalDate appointedOn = (LocalDate) current.value("appointedOn");
		String approvedBy = text(current, "approvedBy");
		List<String> missing = new ArrayList<>();
		if (appointedOn == null) {
			missing.add("指名日");
		}
		if (approvedBy.isEmpty()) {
			missing.add("承認者");
		}
		if (!missing.isEmpty()) {
			return CheckResult.fail(
					List.of("安全管理責任者 " + person + " の" + String.join("と", missing) + "が記録されていません（承認の記録が必要です）"),
					List.of(new CheckResult.Ref(PolicyLedgers.SECURITY_MANAGER, current.id(), person)));
		}
		String position = text(current, "position");
		String meeting = text(current, "approvalMeeting");
		return CheckResult.pass("安全管理責任者は " + person + (position.isEmpty() ? "" : "（" + position + "）") + " です（指名日 "
				+ appointedOn + "、承認者 " + approvedBy + (meeting.isEmpty() ? "" : "、" + meeting) + "）");
	}

	private static String text(LedgerRow row, String key) {
		Object value = row.value(key);
		return (value == null) ? "" : value.toString().strip();
	}

}
