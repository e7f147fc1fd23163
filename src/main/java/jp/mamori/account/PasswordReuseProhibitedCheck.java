package jp.mamori.account;

import java.util.List;

import jp.mamori.evaluation.Check;
import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.stereotype.Component;

/** 2-⑧: every system's password rule prohibits reusing passwords. */
@Component
class PasswordReuseProhibitedCheck implements Check {

	private final Ledgers ledgers;

	private final LedgerStore store;

	PasswordReuseProhibitedCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "account.password-reuse-prohibited";
	}

	@Override
	public String title() {
		return "すべてのシステムでパスワードの使い回しが禁止されているかを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		List<LedgerRow> policies = Findings.rows(this.ledgers, this.store, AccountLedgers.PASSWORD_POLICIES,
				context.org());
		if (policies.isEmpty()) {
			return CheckResult.unknown("パスワード規則の台帳がまだ記録されていません");
		}
		Findings findings = new Findings();
		for (LedgerRow policy : policies) {
			Object reuseProhibited = policy.value("reuseProhibited");
			if (!Boolean.TRUE.equals(reuseProhibited)) {
				String system = Findings.text(policy, "system");
				String recorded = (reuseProhibited == null) ? "未記入" : "いいえ";
				findings.add(system + " のパスワード規則は「使い回しの禁止」が「はい」になっていません（記録: " + recorded + "）",
						AccountLedgers.PASSWORD_POLICIES, policy, system);
			}
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		return CheckResult.pass("記録されている " + policies.size() + " システムすべてでパスワードの使い回しが禁止されています");
	}

}
