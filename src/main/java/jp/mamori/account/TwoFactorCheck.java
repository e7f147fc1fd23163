package jp.mamori.account;

import java.util.List;

import jp.mamori.evaluation.Check;
import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.stereotype.Component;

/**
 * 2-⑩: every system recorded in the password rules uses two-factor authentication
 * (厚生労働省's target: 令和9年度までに).
 */
@Component
class TwoFactorCheck implements Check {

	private final Ledgers ledgers;

	private final LedgerStore store;

	TwoFactorCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "account.two-factor";
	}

	@Override
	public String title() {
		return "すべてのシステムで二要素認証が導入されているかを確かめます（厚生労働省は令和9年度までの導入を目標としています）。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		List<LedgerRow> policies = Findings.rows(this.ledgers, this.store, AccountLedgers.PASSWORD_POLICIES,
				context.org());
		if (policies.isEmpty()) {
			return CheckResult.unknown("パスワード規則の台帳がまだ記録されていないため、二要素認証の状況が分かりません");
		}
		Findings findings = new Findings();
		for (LedgerRow policy : policies) {
			if (!Boolean.TRUE.equals(policy.value("twoFactor"))) {
				String system = Findings.text(policy, "system");
				findings.add(system + " は二要素認証を導入していません（厚生労働省は令和9年度までに導入することを目標としています）",
						AccountLedgers.PASSWORD_POLICIES, policy, system);
			}
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		return CheckResult.pass("記録されている " + policies.size() + " システムすべてで二要素認証を導入しています");
	}

}
