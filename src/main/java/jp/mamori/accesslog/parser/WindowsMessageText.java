package jp.mamori.accesslog.parser;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named values of a Windows event, read back from its rendered description, for
 * exports that keep only the text (Event Viewer "save as CSV", PowerShell
 * {@code Export-Csv}). Security event descriptions are sections of
 * {@code Label:<tab>value} lines:
 *
 * <pre>
 * Subject:                               サブジェクト:
 * 	Account Name:		-                     	アカウント名:		-
 * Logon Type:			3                     ログオン タイプ:			3
 * Account For Which Logon Failed:        ログオンに失敗したアカウント:
 * 	Account Name:		Administrator         	アカウント名:		Administrator
 * </pre>
 *
 * so the same label means a different field by section ("Account Name" under "Subject" is
 * {@code SubjectUserName}, under "Account For Which Logon Failed" it is
 * {@code TargetUserName}). English and Japanese wordings are both known; the result uses
 * the EventData names of the event's XML, so that {@link WindowsEvents} maps it like an
 * EVTX record.
 */
final class WindowsMessageText {

	private enum Section {

		NONE, SUBJECT, TARGET, MEMBER, GROUP, OTHER

	}

	private static final Map<String, Section> SECTIONS = new HashMap<>();

	private static final Map<String, String> LABELS = new HashMap<>();

	// 104: "The System log file was cleared." / 「System ログ ファイルがクリアされました。」
	private static final Pattern LOG_CLEARED = Pattern
		.compile("(?:The\\s+(.+?)\\s+log file was cleared|(\\S+)\\s*ログ\\s*ファイルがクリアされました)");

	static {
		section(Section.SUBJECT, "Subject", "サブジェクト", "Creator Subject", "作成者サブジェクト");
		section(Section.TARGET, "New Logon", "新しいログオン", "Account For Which Logon Failed", "ログオンに失敗したアカウント",
				"Account Whose Credentials Were Used", "資格情報が使用されたアカウント", "New Account", "新しいアカウント", "Target Account",
				"ターゲット アカウント", "Target Subject", "ターゲット サブジェクト");
		section(Section.MEMBER, "Member", "メンバー");
		section(Section.GROUP, "Group", "グループ");

		label("SID", "Security ID", "セキュリティ ID");
		label("NAME", "Account Name", "アカウント名");
		label("DOMAIN", "Account Domain", "アカウント ドメイン", "Domain Name", "ドメイン名");
		label("LOGON_ID", "Logon ID", "ログオン ID");
		label("GROUP_NAME", "Group Name", "グループ名");
		label("GROUP_DOMAIN", "Group Domain", "グループ ドメイン");
		label("USER", "User", "ユーザー");
		label("PLAIN_DOMAIN", "Domain", "ドメイン");
		label("LogonType", "Logon Type", "ログオン タイプ");
		label("IpAddress", "Source Network Address", "ソース ネットワーク アドレス", "Network Address", "ネットワーク アドレス");
		label("IpPort", "Source Port", "ソース ポート", "Port", "ポート");
		label("WorkstationName", "Workstation Name", "ワークステーション名");
		label("LogonProcessName", "Logon Process", "ログオン プロセス");
		label("AuthenticationPackageName", "Authentication Package", "認証パッケージ");
		label("Status", "Status", "状態");
		label("SubStatus", "Sub Status", "サブ状態");
		label("FailureReason", "Failure Reason", "エラーの原因");
		label("ProcessName", "Process Name", "プロセス名", "Caller Process Name", "呼び出し側プロセス名");
		label("NewProcessName", "New Process Name", "新しいプロセス名");
		label("ParentProcessName", "Creator Process Name", "作成元プロセス名");
		label("TargetServerName", "Target Server Name", "ターゲット サーバー名");
		label("TargetInfo", "Additional Information", "追加情報");
	}

	private WindowsMessageText() {
	}

	private static void section(Section section, String... names) {
		for (String name : names) {
			SECTIONS.put(normalised(name), section);
		}
	}

	private static void label(String field, String... names) {
		for (String name : names) {
			LABELS.put(normalised(name), field);
		}
	}

	/** The EventData values the description of this event holds, by their XML names. */
	static Map<String, String> fields(String eventId, String message) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (message == null || message.isBlank()) {
			return fields;
		}
		Section section = Section.NONE;
		for (String line : message.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			boolean indented = Character.isWhitespace(line.charAt(0));
			String content = line.strip();
			int colon = colon(content);
			if (colon < 0) {
				continue;
			}
			String label = normalised(content.substring(0, colon));
			String value = content.substring(colon + 1).strip();
			if (!indented) {
				if (value.isEmpty()) {
					section = SECTIONS.getOrDefault(label, Section.OTHER);
					continue;
				}
				section = Section.NONE;
			}
			String field = field(eventId, section, LABELS.get(label));
			if (field != null) {
				fields.putIfAbsent(field, value);
			}
		}
		if ("104".equals(eventId) || "1102".equals(eventId)) {
			Matcher cleared = LOG_CLEARED.matcher(message);
			if (cleared.find()) {
				fields.putIfAbsent("Channel", cleared.group(1) != null ? cleared.group(1) : cleared.group(2));
			}
		}
		return fields;
	}

	private static String field(String eventId, Section section, String label) {
		if (label == null) {
			return null;
		}
		if ("1149".equals(eventId)) {
			// RemoteConnectionManager writes its three values as Param1..3
			return switch (label) {
				case "USER" -> "Param1";
				case "PLAIN_DOMAIN" -> "Param2";
				case "IpAddress" -> "Param3";
				default -> null;
			};
		}
		String person = switch (section) {
			case SUBJECT -> "4634".equals(eventId) || "4647".equals(eventId) ? "Target" : "Subject";
			case TARGET -> "Target";
			default -> null;
		};
		return switch (label) {
			case "SID" -> switch (section) {
				case SUBJECT -> person + "UserSid";
				case TARGET -> eventId.startsWith("47") ? "TargetSid" : "TargetUserSid";
				case MEMBER -> "MemberSid";
				case GROUP -> "TargetSid";
				default -> null;
			};
			case "NAME" -> section == Section.MEMBER ? "MemberName" : person == null ? null : person + "UserName";
			case "DOMAIN" -> person == null ? null : person + "DomainName";
			case "LOGON_ID" -> person == null ? null : person + "LogonId";
			case "GROUP_NAME" -> section == Section.GROUP ? "TargetUserName" : null;
			case "GROUP_DOMAIN" -> section == Section.GROUP ? "TargetDomainName" : null;
			case "USER", "PLAIN_DOMAIN" -> null;
			default -> label;
		};
	}

	/** The colon ending the label (ASCII or full-width), or -1. */
	private static int colon(String content) {
		for (int i = 0; i < content.length(); i++) {
			char c = content.charAt(i);
			if (c == ':' || c == '：') {
				return i;
			}
		}
		return -1;
	}

	private static String normalised(String label) {
		return label.replace('\u3000', ' ').strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

}
