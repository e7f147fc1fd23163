package jp.mamori.accesslog.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;

/**
 * {@code admin-group-added}: an account added to a group that administers machines or the
 * domain (4728/4732/4756 to Administrators, Domain Admins …). Windows often records only
 * the member's SID (MemberName {@code -}); the rule names it from an earlier account
 * creation or logon that carried the same SID, else shows the SID.
 */
public final class AdminGroupAddedRule implements DetectionRule {

	public static final String ID = "admin-group-added";

	/**
	 * Groups whose members administer machines, the domain or its policies. Japanese
	 * Windows keeps the English built-in names; Users, Backup Operators and None are not
	 * here on purpose.
	 */
	static final Set<String> PRIVILEGED_GROUPS = Set.of("administrators", "domain admins", "enterprise admins",
			"schema admins", "account operators", "server operators", "dnsadmins", "group policy creator owners",
			"hyper-v administrators");

	private static final Pattern SID = Pattern.compile("(?i)S-1-\\d+(-\\d+)+");

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "管理者グループへの追加";
	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		return new DetectionRule.Run() {

			/** SID → account as written, from records that carry both. */
			private final Map<String, String> names = new HashMap<>();

			private final List<Finding> findings = new ArrayList<>();

			@Override
			public void accept(LogEvent event) {
				if (event.kind() == EventKind.ACCOUNT_CREATED) {
					learn(event.data().get("TargetSid"), event.user());
				}
				else if (event.kind() == EventKind.AUTH_SUCCESS) {
					learn(event.data().get("TargetUserSid"), event.user());
				}
				else if (event.kind() == EventKind.GROUP_MEMBER_ADDED && isPrivileged(event.target())) {
					findings.add(finding(event));
				}
			}

			private void learn(String sid, String user) {
				if (sid != null && user != null && SID.matcher(sid).matches() && !SID.matcher(user).matches()) {
					names.putIfAbsent(sid.toUpperCase(Locale.ROOT), user);
				}
			}

			private Finding finding(LogEvent event) {
				String member = event.user();
				if (member == null) {
					member = firstPresent(event.data().get("MemberSid"), event.data().get("MemberName"));
				}
				String name = member;
				String shown = Wording.account(member);
				if (member != null && SID.matcher(member).matches()) {
					String known = names.get(member.toUpperCase(Locale.ROOT));
					if (known != null) {
						name = known;
						shown = known + "（" + member + "）";
					}
				}
				FindingDraft draft = new FindingDraft().addAs(event, name).account(event.subjectUser());
				StringBuilder summary = new StringBuilder();
				summary.append(Wording.time(event.time(), settings.zone())).append(" に");
				if (event.host() != null) {
					summary.append("ホスト ").append(event.host()).append(" で");
				}
				// a space between Latin names and Japanese, none after a full-width
				// bracket
				summary.append(' ')
					.append(shown)
					.append(shown.endsWith("）") ? "" : " ")
					.append("が管理者グループ ")
					.append(event.target())
					.append(" に追加されました（");
				summary.append(event.subjectUser() == null ? "実行者不明" : "実行者 " + event.subjectUser());
				summary.append("）。管理者の権限が与えられたことになります。正当な変更か確認してください。");
				return draft.finding(ID, Severity.HIGH, summary.toString());
			}

			@Override
			public List<Finding> finish() {
				return List.copyOf(findings);
			}

		};
	}

	/**
	 * Whether the group (as {@code Builtin&#92;Administrators}, {@code Administrators} or
	 * {@code CN=Domain Admins,CN=Users,…}) administers machines or the domain.
	 */
	static boolean isPrivileged(String group) {
		if (group == null) {
			return false;
		}
		String name = group.strip();
		if (name.regionMatches(true, 0, "CN=", 0, 3)) {
			int comma = name.indexOf(',');
			name = name.substring(3, comma < 0 ? name.length() : comma);
		}
		name = name.substring(name.lastIndexOf('\\') + 1);
		return PRIVILEGED_GROUPS.contains(name.strip().toLowerCase(Locale.ROOT));
	}

	private static String firstPresent(String a, String b) {
		if (a != null && !a.isBlank() && !"-".equals(a.strip())) {
			return a.strip();
		}
		return b == null || b.isBlank() || "-".equals(b.strip()) ? null : b.strip();
	}

}
