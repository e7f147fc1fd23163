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
 * 2-④: a role matrix exists, not everyone holds administrator rights, and every enabled
 * administrator account says why in its 権限・ロール column (the column used as the
 * justification; the note is not).
 */
@Component
class RoleMatrixDefinedCheck implements Check {

	private final Ledgers ledgers;

	private final LedgerStore store;

	RoleMatrixDefinedCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "account.role-matrix-defined";
	}

	@Override
	public String title() {
		return "職種ごとの権限表があり、管理者権限は必要な人だけに理由を付けて与えられているかを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		List<LedgerRow> matrix = Findings.rows(this.ledgers, this.store, AccountLedgers.ROLE_MATRIX, context.org());
		List<LedgerRow> accounts = Findings.rows(this.ledgers, this.store, AccountLedgers.ACCOUNTS, context.org());
		if (matrix.isEmpty() && accounts.isEmpty()) {
			return CheckResult.unknown("権限表もシステムアカウントの台帳もまだ記録されていません");
		}
		if (matrix.isEmpty()) {
			return CheckResult.fail(List.of("権限表（職種×情報区分）が記録されていません（アカウントは " + accounts.size() + " 件あります）"), List.of());
		}
		List<LedgerRow> enabled = accounts.stream().filter(a -> Findings.isEnabled(a, context.today())).toList();
		List<LedgerRow> admins = enabled.stream().filter(a -> Boolean.TRUE.equals(a.value("admin"))).toList();
		Findings findings = new Findings();
		if (!enabled.isEmpty() && admins.size() == enabled.size()) {
			String reason = "有効なアカウント " + enabled.size() + " 件の全員が管理者権限を持っています（全員が管理者権限）";
			findings.add(reason);
			admins.forEach(account -> findings.ref(AccountLedgers.ACCOUNTS, account, Findings.accountLabel(account)));
		}
		for (LedgerRow account : admins) {
			if (Findings.text(account, "role").isEmpty()) {
				findings.add(
						Findings.text(account, "system") + " の利用者ID " + Findings.text(account, "userId")
								+ " は管理者権限を持っていますが、「権限・ロール」欄に役割（管理者権限が必要な理由）が記録されていません",
						AccountLedgers.ACCOUNTS, account, Findings.accountLabel(account));
			}
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		return CheckResult.pass("権限表が " + matrix.size() + " 行あり、有効なアカウント " + enabled.size() + " 件のうち管理者権限は "
				+ admins.size() + " 件で、いずれも役割が記録されています");
	}

}
