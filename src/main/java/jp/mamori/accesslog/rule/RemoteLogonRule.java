package jp.mamori.accesslog.rule;

import jp.mamori.accesslog.parser.Access;
import jp.mamori.shared.Severity;

/**
 * {@code remote-logon}: every successful remote desktop or VPN logon of a person, one
 * entry per account and source with its count — the list an administrator reviews against
 * who is allowed to work remotely (at 大阪急性期C heavy RDP traffic went unread).
 */
public final class RemoteLogonRule implements DetectionRule {

	public static final String ID = "remote-logon";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "リモートからのログオン（リモートデスクトップ・VPN）";
	}

	/** Remote desktop and VPN logons of one account from one source are listed apart. */
	private record Key(String account, String source, boolean vpn) {
	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		return Groups.run(
				event -> Logons.isSuccess(event) && Logons.isPerson(event)
						&& (Logons.isRemoteDesktop(event) || event.access() == Access.VPN),
				event -> new Key(event.account(), event.sourceAddress(), !Logons.isRemoteDesktop(event)),
				(key, draft) -> finding(key, draft, settings));
	}

	private static Finding finding(Key key, FindingDraft draft, RuleSettings settings) {
		String way = key.vpn() ? " VPN " : "リモートデスクトップ";
		String from = key.source() == null ? "（送信元アドレスの記録なし）" : "送信元 " + key.source() + " から";
		String hosts = draft.hosts().size() == 0 ? "" : "、接続先 " + Wording.names(draft.hosts().names(), 3);
		String summary = "アカウント " + draft.accounts().names().get(0) + " が" + from + way + "で " + draft.count()
				+ " 回ログオンしました（" + Wording.period(draft.first(), draft.last(), settings.zone()) + hosts
				+ "）。リモート接続を許可された人と接続元か確認してください。";
		return draft.finding(ID, Severity.INFO, summary);
	}

}
