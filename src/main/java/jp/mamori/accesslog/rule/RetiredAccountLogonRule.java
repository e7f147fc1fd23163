package jp.mamori.accesslog.rule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;

/**
 * {@code retired-account-logon}: a successful logon by an account the account ledger has
 * as belonging to someone who left — the account should have been disabled, and someone
 * is using it. Failed attempts of such an account are mentioned too. Says nothing without
 * a ledger.
 */
public final class RetiredAccountLogonRule implements DetectionRule {

	public static final String ID = "retired-account-logon";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "退職者・利用終了アカウントでのログオン";
	}

	private static final class Uses {

		private final FindingDraft draft = new FindingDraft();

		private long failures;

	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		Map<String, Uses> uses = new LinkedHashMap<>();
		return new DetectionRule.Run() {

			@Override
			public void accept(LogEvent event) {
				boolean success = Logons.isSuccess(event);
				if (!success && !Logons.isFailure(event)) {
					return;
				}
				if (accounts.state(event.user()).orElse(null) != AccountDirectory.State.RETIRED) {
					return;
				}
				Uses use = uses.computeIfAbsent(event.account(), k -> new Uses());
				if (success) {
					use.draft.add(event);
				}
				else {
					use.failures++;
					use.draft.note(event).keep(event);
				}
			}

			@Override
			public List<Finding> finish() {
				return uses.values()
					.stream()
					.filter(use -> use.draft.count() > 0)
					.map(use -> finding(use, settings))
					.toList();
			}

		};
	}

	private static Finding finding(Uses use, RuleSettings settings) {
		FindingDraft draft = use.draft;
		String failures = use.failures == 0 ? "" : "このほかログオン失敗が " + use.failures + " 回ありました。";
		String summary = "アカウント台帳で退職・利用終了となっているアカウント " + draft.accounts().names().get(0) + " で " + draft.count()
				+ " 回のログオン成功がありました（" + Wording.period(draft.first(), draft.last(), settings.zone()) + "、"
				+ Wording.sources(draft.sources()) + "）。" + failures + "アカウントをすぐに無効にし、誰が使ったのか確認してください。";
		return draft.finding(ID, Severity.HIGH, summary);
	}

}
