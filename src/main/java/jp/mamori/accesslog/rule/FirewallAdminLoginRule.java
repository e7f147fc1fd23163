package jp.mamori.accesslog.rule;

import jp.mamori.accesslog.parser.Access;
import jp.mamori.shared.Severity;

/**
 * {@code firewall-admin-login}: a login to the management console of a firewall, router
 * or VPN device (FortiGate, ASA, YAMAHA RTX). Each should be a known administrator from
 * the inside; from a public address it means the console is reachable from the internet —
 * the way into 半田病院 — and is HIGH.
 */
public final class FirewallAdminLoginRule implements DetectionRule {

	public static final String ID = "firewall-admin-login";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "ネットワーク機器の管理画面へのログイン";
	}

	private record Key(String account, String source) {
	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		return Groups.run(event -> Logons.isSuccess(event) && event.access() == Access.DEVICE_ADMIN,
				event -> new Key(event.account(), event.sourceAddress()),
				(key, draft) -> finding(key, draft, settings));
	}

	private static Finding finding(Key key, FindingDraft draft, RuleSettings settings) {
		boolean external = key.source() != null && !Logons.isInternal(key.source());
		String account = draft.accounts().size() == 0 ? Wording.NO_ACCOUNT : draft.accounts().names().get(0);
		String from = key.source() == null ? "（送信元アドレスの記録なし）" : "送信元 " + key.source() + " から";
		String device = draft.hosts().size() == 0 ? "" : "（機器 " + Wording.names(draft.hosts().names(), 3) + "）";
		String summary = "アカウント " + account + " が" + from + "ネットワーク機器" + device + "の管理画面に " + draft.count()
				+ " 回ログインしました（" + Wording.period(draft.first(), draft.last(), settings.zone()) + "）。"
				+ (external ? "送信元がインターネット側のアドレスです。管理画面がインターネットから操作できる状態の可能性があり危険です。管理画面への接続元を院内の管理用端末に限ってください。"
						: "管理者本人の操作か確認してください。");
		return draft.finding(ID, external ? Severity.HIGH : Severity.MEDIUM, summary);
	}

}
