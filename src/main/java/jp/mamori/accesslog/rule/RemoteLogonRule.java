package jp.mamori.accesslog.rule;

import java.util.List;

import jp.mamori.accesslog.parser.Access;
import jp.mamori.accesslog.parser.LogEvent;

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
		Groups<Key> groups = new Groups<>();
		return new DetectionRule.Run() {

			@Override
			public void accept(LogEvent event) {
				if (Logons.isSuccess(event) && Logons.isPerson(event)) {
					if (Logons.isRemoteDesktop(event)) {
						groups.add(new Key(event.account(), event.sourceAddress(), false), event);
					}
					else if (event.access() == Access.VPN) {
						groups.add(new Key(event.account(), event.sourceAddress(), true), event);
					}
				}
			}

			@Override
			public List<Finding> finish() {
				return groups.findings((key, draft) -> finding(key, draft, settings));
			}

		};
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
