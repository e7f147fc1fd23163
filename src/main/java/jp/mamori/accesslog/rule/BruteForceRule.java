package jp.mamori.accesslog.rule;

import java.util.List;

import jp.mamori.accesslog.parser.Access;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;

/**
 * {@code brute-force}: many failed logons against one account within a short window —
 * password guessing. Keyed by the account alone, so it works where the log records no
 * source address (console logons, 4625 with IpAddress {@code -}). Database logins are
 * {@link SqlLoginFailuresRule}'s.
 */
public final class BruteForceRule implements DetectionRule {

	public static final String ID = "brute-force";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "総当たり攻撃（1 つのアカウントへのログオン失敗の集中）";
	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		Bursts<String> bursts = new Bursts<>(settings.bruteForceFailures(), settings.bruteForceWindow());
		return new DetectionRule.Run() {

			@Override
			public void accept(LogEvent event) {
				if (Logons.isFailure(event) && event.access() != Access.DATABASE && Logons.isPerson(event)) {
					bursts.accept(event.account(), event);
				}
			}

			@Override
			public List<Finding> finish() {
				return bursts.fired().stream().map(draft -> finding(draft, settings)).toList();
			}

		};
	}

	private static Finding finding(FindingDraft draft, RuleSettings settings) {
		String account = draft.accounts().names().get(0);
		String summary = "アカウント " + account + " に対して " + Wording.period(draft.first(), draft.last(), settings.zone())
				+ " に " + draft.count() + " 回のログオン失敗がありました（" + Wording.sources(draft.sources()) + "）。"
				+ Wording.duration(settings.bruteForceWindow()) + "以内に " + settings.bruteForceFailures()
				+ " 回以上失敗しており、パスワードの総当たり攻撃の可能性があります。";
		return draft.finding(ID, Severity.HIGH, summary);
	}

}
