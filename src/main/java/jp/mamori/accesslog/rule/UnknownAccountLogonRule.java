package jp.mamori.accesslog.rule;

import jp.mamori.accesslog.parser.Access;
import jp.mamori.shared.Severity;

/**
 * {@code unknown-account-logon}: a person's account logging on successfully that the
 * account ledger does not have — a gap in the ledger, or an account nobody authorised.
 * Only with a ledger; service logons (types 0/4/5) are service identities, which the
 * ledger of people does not list, and are left out.
 */
public final class UnknownAccountLogonRule implements DetectionRule {

	public static final String ID = "unknown-account-logon";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "アカウント台帳にないアカウントでのログオン";
	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		return Groups.run(
				event -> !accounts.isEmpty() && Logons.isSuccess(event) && Logons.isPerson(event)
						&& event.access() != Access.SERVICE && accounts.state(event.user()).isEmpty(),
				event -> event.account(), (account, draft) -> finding(draft, settings));
	}

	private static Finding finding(FindingDraft draft, RuleSettings settings) {
		String summary = "アカウント台帳にないアカウント " + draft.accounts().names().get(0) + " で " + draft.count()
				+ " 回のログオン成功がありました（" + Wording.period(draft.first(), draft.last(), settings.zone()) + "、"
				+ Wording.sources(draft.sources()) + "）。台帳への記載漏れか、許可なく作られたアカウントでないか確認してください。";
		return draft.finding(ID, Severity.MEDIUM, summary);
	}

}
