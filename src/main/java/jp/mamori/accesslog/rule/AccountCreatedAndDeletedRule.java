package jp.mamori.accesslog.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;

/**
 * {@code account-created-and-deleted}: an account deleted soon after it was created
 * ({@code createDeleteWindow}) — a throw-away account used for an attack and removed to
 * hide it. Matched by SID where the records carry one, else by account key. Creations
 * older than the window are let go.
 */
public final class AccountCreatedAndDeletedRule implements DetectionRule {

	public static final String ID = "account-created-and-deleted";

	private static final int SWEEP_EVERY = 1 << 16;

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "作成後すぐに削除されたアカウント";
	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		Duration window = settings.createDeleteWindow();
		return new DetectionRule.Run() {

			private final Map<String, LogEvent> byAccount = new HashMap<>();

			private final Map<String, LogEvent> bySid = new HashMap<>();

			private final List<Finding> findings = new ArrayList<>();

			private long accepted;

			@Override
			public void accept(LogEvent event) {
				if (event.kind() == EventKind.ACCOUNT_CREATED) {
					if (event.account() != null) {
						byAccount.put(event.account(), event);
					}
					String sid = sid(event);
					if (sid != null) {
						bySid.put(sid, event);
					}
				}
				else if (event.kind() == EventKind.ACCOUNT_DELETED) {
					deleted(event);
				}
				if (++accepted % SWEEP_EVERY == 0) {
					byAccount.values().removeIf(c -> c.time().plus(window).isBefore(event.time()));
					bySid.values().removeIf(c -> c.time().plus(window).isBefore(event.time()));
				}
			}

			private void deleted(LogEvent deletion) {
				String sid = sid(deletion);
				LogEvent creation = sid == null ? null : bySid.get(sid);
				if (creation == null && deletion.account() != null) {
					creation = byAccount.get(deletion.account());
				}
				if (creation == null) {
					return;
				}
				if (creation.account() != null) {
					byAccount.remove(creation.account());
				}
				String createdSid = sid(creation);
				if (createdSid != null) {
					bySid.remove(createdSid);
				}
				Duration between = Duration.between(creation.time(), deletion.time());
				if (between.isNegative() || between.compareTo(window) > 0) {
					return;
				}
				findings.add(finding(creation, deletion, between));
			}

			private Finding finding(LogEvent creation, LogEvent deletion, Duration between) {
				FindingDraft draft = new FindingDraft().add(creation)
					.account(creation.subjectUser())
					.add(deletion)
					.account(deletion.subjectUser());
				String account = Wording.account(creation.user() != null ? creation.user() : deletion.user());
				StringBuilder summary = new StringBuilder();
				summary.append("アカウント ")
					.append(account)
					.append(" が ")
					.append(Wording.time(creation.time(), settings.zone()))
					.append(" に作成され、")
					.append(between.toSeconds())
					.append(" 秒後の ")
					.append(Wording.time(deletion.time(), settings.zone()))
					.append(" に削除されました（作成者 ")
					.append(Wording.account(creation.subjectUser()))
					.append("、削除者 ")
					.append(Wording.account(deletion.subjectUser()));
				if (creation.host() != null) {
					summary.append("、ホスト ").append(creation.host());
				}
				summary.append("）。一時的なアカウントを使って痕跡を残さないようにする攻撃の可能性があります。作成・削除した人に理由を確認してください。");
				return draft.finding(ID, Severity.HIGH, summary.toString());
			}

			@Override
			public List<Finding> finish() {
				return List.copyOf(findings);
			}

		};
	}

	private static String sid(LogEvent event) {
		String sid = event.data().get("TargetSid");
		return sid == null || sid.isBlank() || "-".equals(sid.strip()) ? null : sid.strip().toUpperCase(Locale.ROOT);
	}

}
