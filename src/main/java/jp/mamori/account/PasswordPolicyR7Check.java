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
 * 2-⑦: every system's password rule meets R7 — 8+ characters mixing letters, digits and
 * symbols, or 13+ characters; and changed periodically unless two-factor is on or the
 * minimum is 13+.
 */
@Component
class PasswordPolicyR7Check implements Check {

	static final int MIN_LENGTH = 8;

	static final int LONG_LENGTH = 13;

	private final Ledgers ledgers;

	private final LedgerStore store;

	PasswordPolicyR7Check(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "account.password-policy-r7";
	}

	@Override
	public String title() {
		return "システムごとのパスワード規則が、8文字以上で英数字・記号を混在させ定期的に変更する（二要素認証か13文字以上なら定期変更は不要）という基準を満たしているかを確かめます。";
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
			String system = Findings.text(policy, "system");
			Long minLength = (Long) policy.value("minLength");
			boolean complexity = Boolean.TRUE.equals(policy.value("complexity"));
			boolean twoFactor = Boolean.TRUE.equals(policy.value("twoFactor"));
			Long changeDays = (Long) policy.value("changeDays");
			long length = (minLength != null) ? minLength : 0;
			boolean longEnough = length >= LONG_LENGTH;
			if (minLength == null) {
				findings.add(system + " のパスワード規則に最小文字数が記録されていません", AccountLedgers.PASSWORD_POLICIES, policy, system);
			}
			else if (!((length >= MIN_LENGTH && complexity) || longEnough)) {
				findings.add(
						system + " のパスワードは最小 " + length + " 文字・英数字と記号の混在" + (complexity ? "あり" : "なし") + "で、基準（"
								+ MIN_LENGTH + "文字以上で英数字・記号を混在、または" + LONG_LENGTH + "文字以上）を満たしていません",
						AccountLedgers.PASSWORD_POLICIES, policy, system);
			}
			if (!((changeDays != null && changeDays > 0) || twoFactor || longEnough)) {
				findings.add(system + " のパスワードは定期的に変更する規則になっておらず、二要素認証も" + LONG_LENGTH + "文字以上の規則もありません（どれか一つが必要です）",
						AccountLedgers.PASSWORD_POLICIES, policy, system);
			}
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		return CheckResult.pass("記録されている " + policies.size() + " システムのパスワード規則はすべて基準を満たしています");
	}

}
