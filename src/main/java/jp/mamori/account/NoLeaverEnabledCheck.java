package jp.mamori.account;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.mamori.evaluation.Check;
import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.stereotype.Component;

/**
 * 2-⑤: no enabled account belongs to a staff member who left (matched by the account's
 * 職員氏名 and the roster's 氏名, ignoring spaces and width), none has been unused for more
 * than {@value #UNUSED_DAYS} days, and every enabled shared account says why in its note.
 */
@Component
class NoLeaverEnabledCheck implements Check {

	/**
	 * Days without a login after which an account counts as unused (configurable later).
	 */
	static final int UNUSED_DAYS = 90;

	private final Ledgers ledgers;

	private final LedgerStore store;

	NoLeaverEnabledCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "account.no-leaver-enabled";
	}

	@Override
	public String title() {
		return "退職者のアカウントや長く使われていないアカウントが有効のまま残っておらず、共用アカウントには理由が記録されているかを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		List<LedgerRow> accounts = Findings.rows(this.ledgers, this.store, AccountLedgers.ACCOUNTS, context.org());
		if (accounts.isEmpty()) {
			return CheckResult.unknown("システムアカウントの台帳がまだ記録されていません");
		}
		LocalDate today = context.today();
		List<LedgerRow> roster = Findings.rows(this.ledgers, this.store, AccountLedgers.STAFF, context.org());
		Map<String, List<LedgerRow>> staffByName = new HashMap<>();
		for (LedgerRow staff : roster) {
			staffByName.computeIfAbsent(nameKey(Findings.text(staff, "name")), k -> new ArrayList<>()).add(staff);
		}
		List<LedgerRow> enabled = accounts.stream().filter(a -> Findings.isEnabled(a, today)).toList();
		Findings findings = new Findings();
		for (LedgerRow account : enabled) {
			String subject = Findings.text(account, "system") + " の利用者ID " + Findings.text(account, "userId");
			String label = Findings.accountLabel(account);
			List<LedgerRow> staff = staffByName.getOrDefault(nameKey(Findings.text(account, "staffName")), List.of());
			// a namesake still employed could be the owner: only flag when every match
			// left
			if (!staff.isEmpty() && staff.stream().allMatch(s -> hasLeft(s, today))) {
				LedgerRow leaver = staff.get(0);
				LocalDate leftOn = (LocalDate) leaver.value("leftOn");
				String detail = (leftOn != null) ? "退職日 " + leftOn : "在職状況 退職";
				findings.add(subject + " は退職者（" + Findings.text(leaver, "name") + "、" + detail + "）のものですが、無効になっていません",
						AccountLedgers.ACCOUNTS, account, label);
				findings.ref(AccountLedgers.STAFF, leaver, Findings.text(leaver, "name"));
			}
			LocalDate lastLogin = (LocalDate) account.value("lastLoginOn");
			if (lastLogin != null && lastLogin.isBefore(today.minusDays(UNUSED_DAYS))) {
				findings.add(subject + " は最終ログインが " + lastLogin + "（" + ChronoUnit.DAYS.between(lastLogin, today)
						+ "日前）で、" + UNUSED_DAYS + "日を超えて使われていませんが、無効になっていません", AccountLedgers.ACCOUNTS, account, label);
			}
			if ("shared".equals(account.value("kind")) && Findings.text(account, "note").isEmpty()) {
				findings.add(subject + " は共用アカウントですが、共用にしている理由が備考に記録されていません", AccountLedgers.ACCOUNTS, account, label);
			}
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		if (roster.isEmpty()) {
			return CheckResult
				.unknown("職員名簿がまだ記録されていないため、退職者のアカウントが有効のまま残っていないかを確かめられません（有効なアカウント " + enabled.size() + " 件）");
		}
		return CheckResult.pass("有効なアカウント " + enabled.size() + " 件（全 " + accounts.size() + " 件）に、退職者のもの、" + UNUSED_DAYS
				+ "日を超えて使われていないもの、理由のない共用アカウントはありません");
	}

	/** 退職 recorded, or a leaving date on or before today. */
	private static boolean hasLeft(LedgerRow staff, LocalDate today) {
		LocalDate leftOn = (LocalDate) staff.value("leftOn");
		return "left".equals(staff.value("employmentStatus")) || (leftOn != null && !leftOn.isAfter(today));
	}

	/** 「山田 花子」 and 「山田花子」 name the same person. */
	private static String nameKey(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
	}

}
