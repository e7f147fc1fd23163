package jp.mamori.accesslog.rule;

import java.util.List;
import java.util.Locale;

import jp.mamori.accesslog.parser.Access;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;

/**
 * {@code sql-login-failures}: a burst of failed database logins (SQL Server 18456) on one
 * host. Many 電子カルテ and レセコン run on SQL Server, often with an {@code sa} login; guessing
 * its password is a common way in. Internal {@code ##MS_…##} logins are listed as
 * written.
 */
public final class SqlLoginFailuresRule implements DetectionRule {

	public static final String ID = "sql-login-failures";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "データベース（SQL Server）へのログイン失敗の集中";
	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		Bursts<String> bursts = new Bursts<>(settings.sqlFailures(), settings.sqlWindow());
		return new DetectionRule.Run() {

			@Override
			public void accept(LogEvent event) {
				if (Logons.isFailure(event) && event.access() == Access.DATABASE) {
					// one key for "no host": the failures still belong together
					bursts.accept(event.host() == null ? "" : event.host().toLowerCase(Locale.ROOT), event);
				}
			}

			@Override
			public List<Finding> finish() {
				return bursts.fired().stream().map(draft -> finding(draft, settings)).toList();
			}

		};
	}

	private static Finding finding(FindingDraft draft, RuleSettings settings) {
		String where = draft.hosts().size() == 0 ? "" : "ホスト " + draft.hosts().names().get(0) + " で ";
		String summary = where + Wording.period(draft.first(), draft.last(), settings.zone())
				+ " に SQL Server などのデータベースへのログイン失敗が " + draft.count() + " 回ありました（アカウント "
				+ (draft.accounts().size() == 0 ? "不明" : Wording.names(draft.accounts().names(), 5)) + "、"
				+ Wording.sources(draft.sources()) + "）。" + Wording.duration(settings.sqlWindow()) + "以内に "
				+ settings.sqlFailures()
				+ " 回以上失敗しており、データベースのパスワードを総当たりされている可能性があります。sa など管理用ログインのパスワードと接続元の制限を確認してください。";
		return draft.finding(ID, Severity.HIGH, summary);
	}

}
