package jp.mamori.accesslog.rule;

import java.util.ArrayList;
import java.util.List;

import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;

/**
 * {@code log-cleared}: an event log was cleared (1102 Security, 104 System and others).
 * Attackers clear logs to hide what they did; legitimate clearing is rare and should be
 * explained.
 */
public final class LogClearedRule implements DetectionRule {

	public static final String ID = "log-cleared";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "イベントログの消去";
	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		List<Finding> findings = new ArrayList<>();
		return new DetectionRule.Run() {

			@Override
			public void accept(LogEvent event) {
				if (event.kind() == EventKind.LOG_CLEARED) {
					findings.add(finding(event, settings));
				}
			}

			@Override
			public List<Finding> finish() {
				return List.copyOf(findings);
			}

		};
	}

	private static Finding finding(LogEvent event, RuleSettings settings) {
		String who = event.subjectUser() != null ? event.subjectUser() : event.user();
		// 104 names the cleared log in its data; 1102 is the Security log's own record
		String log = event.data().getOrDefault("Channel", event.channel());
		FindingDraft draft = new FindingDraft().addAs(event, who);
		StringBuilder summary = new StringBuilder(Wording.time(event.time(), settings.zone())).append(" に");
		if (event.host() != null) {
			summary.append("ホスト ").append(event.host()).append(" の ");
		}
		summary.append(log == null ? "イベントログ" : log + " ログ")
			.append("が")
			.append(who == null ? "（実行者不明）" : " " + who + " によって")
			.append("消去されました。攻撃者が侵入の痕跡を消した可能性があります。消去した人と理由を確認してください。");
		return draft.finding(ID, Severity.HIGH, summary.toString());
	}

}
