package jp.mamori.accesslog.rule;

import jp.mamori.accesslog.parser.Addresses;
import jp.mamori.shared.Severity;

/**
 * {@code rdp-loopback}: a remote desktop logon whose source is the machine itself
 * (127.0.0.1, ::1). Remote desktop does not come from loopback unless something on the
 * machine relays it — an SSH tunnel, plink, a remote-access tool an attacker installed. A
 * console logon (type 2) from 127.0.0.1 is normal and not this.
 */
public final class RdpLoopbackRule implements DetectionRule {

	public static final String ID = "rdp-loopback";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "ループバックからのリモートデスクトップ（トンネル経由の接続）";
	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		return Groups.run(
				event -> Logons.isSuccess(event) && Logons.isRemoteDesktop(event)
						&& Addresses.isLoopback(event.sourceAddress()) && Logons.isPerson(event),
				event -> event.account(), (account, draft) -> finding(draft, settings));
	}

	private static Finding finding(FindingDraft draft, RuleSettings settings) {
		String hosts = draft.hosts().size() == 0 ? "" : "、ホスト " + Wording.names(draft.hosts().names(), 3);
		String summary = "アカウント " + draft.accounts().names().get(0) + " がループバックアドレス（"
				+ String.join("、", draft.sources().names()) + "）からリモートデスクトップでログオンしました（"
				+ Wording.period(draft.first(), draft.last(), settings.zone()) + "、" + draft.count() + " 回" + hosts
				+ "）。外部からの接続を SSH トンネルや遠隔操作ツールで中継している可能性があります。そのような設定やツールに心当たりがなければ、侵入を疑って調べてください。";
		return draft.finding(ID, Severity.HIGH, summary);
	}

}
