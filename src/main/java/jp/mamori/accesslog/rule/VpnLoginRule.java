package jp.mamori.accesslog.rule;

import jp.mamori.accesslog.parser.Access;
import jp.mamori.shared.Severity;

/**
 * {@code vpn-login}: every VPN connection (tunnel up, SSL-VPN login), one entry per
 * account and source — remote maintenance and remote work come in this way, and at 半田病院
 * these logs were lost; the list is kept for the monthly review.
 */
public final class VpnLoginRule implements DetectionRule {

	public static final String ID = "vpn-login";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "VPN 接続";
	}

	private record Key(String account, String source) {
	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		return Groups.run(event -> Logons.isSuccess(event) && event.access() == Access.VPN,
				event -> new Key(event.account(), event.sourceAddress()),
				(key, draft) -> finding(key, draft, settings));
	}

	private static Finding finding(Key key, FindingDraft draft, RuleSettings settings) {
		String account = draft.accounts().size() == 0 ? Wording.NO_ACCOUNT : draft.accounts().names().get(0);
		String from = key.source() == null ? "（送信元アドレスの記録なし）" : "送信元 " + key.source() + " から";
		String summary = "アカウント " + account + " が" + from + " VPN で " + draft.count() + " 回接続しました（"
				+ Wording.period(draft.first(), draft.last(), settings.zone())
				+ "）。VPN の利用を許可された人（保守業者を含む）と接続元か確認してください。";
		return draft.finding(ID, Severity.INFO, summary);
	}

}
