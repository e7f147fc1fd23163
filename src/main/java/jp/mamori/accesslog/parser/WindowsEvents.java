package jp.mamori.accesslog.parser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one mapping from a Windows event (EVTX, exported XML or CSV alike) to a
 * {@link LogEvent}: which event ids are logons, failures, account and group changes, log
 * clearing, RDP and SQL Server login failures, and where each keeps its account, source
 * address and logon type.
 */
public final class WindowsEvents {

	private static final String SECURITY_AUDITING = "Microsoft-Windows-Security-Auditing";

	private static final String REMOTE_CONNECTION_MANAGER = "TerminalServices-RemoteConnectionManager";

	// SQL Server writes 18456 in the language of the instance; the English and Japanese
	// wordings are the ones Japanese hospitals have
	private static final Pattern SQL_LOGIN = Pattern.compile("(?:Login failed for user|ユーザー)\\s*'([^']*)'",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SQL_REASON = Pattern.compile("(?:Reason|理由)\\s*[:：]\\s*(.*?)\\s*(?:\\[|$)",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern SQL_CLIENT = Pattern.compile("\\[(?:CLIENT|クライアント)\\s*[:：]\\s*([^\\]]+)\\]",
			Pattern.CASE_INSENSITIVE);

	private WindowsEvents() {
	}

	/** The normalised event. */
	public static LogEvent toLogEvent(WindowsEventRecord record) {
		String id = record.eventId();
		EventKind kind = kindOf(record);
		LogEvent.Builder event = LogEvent.at(record.time(), kind)
			.host(record.computer())
			.channel(record.channel())
			.eventId(id)
			.recordNumber(record.recordId())
			.data(dataOf(record));
		String subject = account(record.value("SubjectDomainName"), record.value("SubjectUserName"));
		String target = account(record.value("TargetDomainName"), record.value("TargetUserName"));
		switch (kind) {
			case AUTH_SUCCESS, AUTH_FAILURE -> {
				if ("1149".equals(id)) {
					event.access(Access.REMOTE_DESKTOP)
						.user(account(record.value("Param2"), record.value("Param1")))
						.sourceAddress(record.value("Param3"));
				}
				else if ("18456".equals(id)) {
					sqlLoginFailure(record, event);
				}
				else {
					Integer logonType = integer(record.value("LogonType"));
					event.user(target)
						.subjectUser(subject)
						.sourceAddress(record.value("IpAddress"))
						.logonType(logonType)
						.access(Access.ofWindowsLogonType(logonType))
						.process(trimmed(record.value("LogonProcessName")));
					if (kind == EventKind.AUTH_FAILURE) {
						String subStatus = record.value("SubStatus");
						event.status(hexCode(isZeroStatus(subStatus) ? record.value("Status") : subStatus));
					}
				}
			}
			case EXPLICIT_CREDENTIALS -> event.user(target)
				.subjectUser(subject)
				.sourceAddress(record.value("IpAddress"))
				.target(record.value("TargetServerName"))
				.process(record.value("ProcessName"));
			case ACCOUNT_CREATED, ACCOUNT_DELETED -> event.user(target).subjectUser(subject);
			case GROUP_MEMBER_ADDED -> {
				String member = record.value("MemberName");
				event.target(target)
					.user(member == null || member.isBlank() || "-".equals(member.strip()) ? record.value("MemberSid")
							: member)
					.subjectUser(subject);
			}
			case LOG_CLEARED -> {
				String cleared = record.value("Channel");
				event.user(subject)
					.subjectUser(subject)
					.target(cleared != null && !cleared.isBlank() ? cleared
							: "1102".equals(id) ? "Security" : record.channel());
			}
			case SESSION_END -> {
				Integer logonType = integer(record.value("LogonType"));
				event.user(target).logonType(logonType);
				if (logonType != null) {
					event.access(Access.ofWindowsLogonType(logonType));
				}
			}
			case PROCESS_STARTED -> event.user(subject).subjectUser(subject).process(record.value("NewProcessName"));
			default -> event.user(subject);
		}
		return event.build();
	}

	/** What the event says happened; OTHER for anything the rules do not look at. */
	static EventKind kindOf(WindowsEventRecord record) {
		String id = record.eventId();
		if (id == null) {
			return EventKind.OTHER;
		}
		if (isSecurity(record)) {
			switch (id) {
				case "4624":
					return EventKind.AUTH_SUCCESS;
				case "4625":
					return EventKind.AUTH_FAILURE;
				case "4648":
					return EventKind.EXPLICIT_CREDENTIALS;
				case "4720":
					return EventKind.ACCOUNT_CREATED;
				case "4726":
					return EventKind.ACCOUNT_DELETED;
				case "4728", "4732", "4756":
					return EventKind.GROUP_MEMBER_ADDED;
				case "4634", "4647":
					return EventKind.SESSION_END;
				case "4688":
					return EventKind.PROCESS_STARTED;
				default:
					break;
			}
		}
		if (("1102".equals(id) || "104".equals(id)) && isEventlogService(record)) {
			return EventKind.LOG_CLEARED;
		}
		if ("1149".equals(id) && contains(record.provider(), REMOTE_CONNECTION_MANAGER)
				|| "1149".equals(id) && contains(record.channel(), REMOTE_CONNECTION_MANAGER)) {
			return EventKind.AUTH_SUCCESS;
		}
		if ("18456".equals(id) && isSqlServer(record.provider())) {
			return EventKind.AUTH_FAILURE;
		}
		return EventKind.OTHER;
	}

	/**
	 * The instance name of SQL Server's provider: {@code MSSQLSERVER},
	 * {@code MSSQL$NAME}.
	 */
	static boolean isSqlServer(String provider) {
		if (provider == null) {
			return false;
		}
		String name = provider.strip().toUpperCase(Locale.ROOT);
		return name.equals("MSSQLSERVER") || name.startsWith("MSSQL$");
	}

	private static boolean isSecurity(WindowsEventRecord record) {
		String provider = record.provider();
		if (provider != null && !provider.isBlank()) {
			return contains(provider, SECURITY_AUDITING) || provider.strip().equalsIgnoreCase("Security");
		}
		return record.channel() == null || "Security".equalsIgnoreCase(record.channel());
	}

	private static boolean isEventlogService(WindowsEventRecord record) {
		String provider = record.provider();
		return provider == null || provider.isBlank() || contains(provider, "Eventlog");
	}

	private static void sqlLoginFailure(WindowsEventRecord record, LogEvent.Builder event) {
		List<String> inserts = record.unnamedData();
		String login = null;
		String reason = null;
		String client = null;
		for (String insert : inserts) {
			String text = insert.strip();
			if (reason == null && (startsWithIgnoreCase(text, "Reason") || text.startsWith("理由"))) {
				reason = matched(SQL_REASON, text);
			}
			if (client == null) {
				client = matched(SQL_CLIENT, text);
			}
		}
		if (!inserts.isEmpty() && inserts.get(0) != null && !inserts.get(0).strip().startsWith("[")) {
			// the first insert of 18456 is the login name
			login = inserts.get(0).strip();
		}
		String message = record.message();
		if (message != null) {
			if (login == null || login.isEmpty()) {
				login = matched(SQL_LOGIN, message);
			}
			if (reason == null) {
				reason = matched(SQL_REASON, message);
			}
			if (client == null) {
				client = matched(SQL_CLIENT, message);
			}
		}
		if (client != null && client.strip().startsWith("<")) {
			// [CLIENT: <local machine>]: a shared-memory connection, no address
			client = null;
		}
		event.access(Access.DATABASE).user(login).status(reason).sourceAddress(client);
	}

	private static Map<String, String> dataOf(WindowsEventRecord record) {
		if (record.unnamedData().isEmpty()) {
			return record.data();
		}
		Map<String, String> data = new LinkedHashMap<>(record.data());
		int number = 1;
		for (String value : record.unnamedData()) {
			data.putIfAbsent("Data" + number++, value);
		}
		return data;
	}

	/**
	 * {@code DOMAIN&#92;name}, or just the name when the domain is empty or {@code -};
	 * null when there is no name.
	 */
	static String account(String domain, String name) {
		if (name == null) {
			return null;
		}
		String user = name.strip();
		if (user.isEmpty() || "-".equals(user)) {
			return null;
		}
		String area = domain == null ? "" : domain.strip();
		return area.isEmpty() || "-".equals(area) ? user : area + "\\" + user;
	}

	private static Integer integer(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean isZeroStatus(String status) {
		if (status == null) {
			return true;
		}
		String value = status.strip().toLowerCase(Locale.ROOT);
		return value.isEmpty() || "-".equals(value) || "0x0".equals(value) || "0x00000000".equals(value)
				|| "0".equals(value);
	}

	/**
	 * NTSTATUS codes in one spelling: EVTX and XML write {@code 0xc000006a}, rendered
	 * descriptions {@code 0xC000006A}.
	 */
	private static String hexCode(String value) {
		if (value == null) {
			return null;
		}
		String code = value.strip();
		return code.startsWith("0x") || code.startsWith("0X") ? code.toLowerCase(Locale.ROOT) : code;
	}

	private static String trimmed(String value) {
		return value == null ? null : value.strip();
	}

	private static String matched(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group(1).strip() : null;
	}

	private static boolean contains(String text, String part) {
		return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
	}

	private static boolean startsWithIgnoreCase(String text, String prefix) {
		return text.regionMatches(true, 0, prefix, 0, prefix.length());
	}

}
