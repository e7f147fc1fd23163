package jp.mamori.accesslog.parser;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux {@code auth.log} / {@code secure} and syslog files (RFC 3164 with the year
 * inferred, RFC 5424, ISO-stamped forwards). Recognises:
 * <ul>
 * <li>sshd: {@code Failed password for [invalid user] X from IP port N ssh2} →
 * {@link EventKind#AUTH_FAILURE}; {@code Accepted password|publickey for X from IP} →
 * {@link EventKind#AUTH_SUCCESS}; {@code Invalid user X from IP},
 * {@code Connection closed … [preauth]}, {@code POSSIBLE BREAK-IN ATTEMPT},
 * {@code Received disconnect … [preauth]} → {@link EventKind#OTHER} with user and source;
 * {@code Disconnected from user X IP} and disconnects after a session →
 * {@link EventKind#SESSION_END}. {@code message repeated N times: [ … ]} is read as its
 * inner message with {@code repeated=N} in the data (one event per line). Access is
 * {@link Access#REMOTE_SHELL}.</li>
 * <li>pam_unix: {@code authentication failure; … rhost=IP user=X} →
 * {@link EventKind#OTHER} (see below); {@code session closed for user X} →
 * {@link EventKind#SESSION_END} (sshd, login); other session lines OTHER.</li>
 * <li>su ({@code Successful su for X by Y}, {@code (to X) Y on tty}) and sudo
 * ({@code Y : TTY=… ; USER=X ; COMMAND=…}) → {@link EventKind#PRIVILEGE_USE};
 * {@code FAILED su} and sudo's {@code incorrect password attempts} →
 * {@link EventKind#AUTH_FAILURE}.</li>
 * <li>useradd {@code new user: name=X} → {@link EventKind#ACCOUNT_CREATED}; userdel
 * {@code delete user 'X'} → {@link EventKind#ACCOUNT_DELETED}.</li>
 * <li>anything else with a syslog header → {@link EventKind#OTHER}; a line without one is
 * skipped.</li>
 * </ul>
 * One failed SSH password is logged twice, by sshd ({@code Failed password}) and by
 * pam_unix ({@code authentication failure}). Only the sshd line is the
 * {@link EventKind#AUTH_FAILURE}: counting both would double every brute-force count. The
 * pam_unix line is kept as {@link EventKind#OTHER} with its user and rhost and the data
 * flag {@code pam=authentication failure}, for failures of services that log nothing
 * else.
 */
public final class LinuxAuthParser extends TextLogParser {

	private static final Pattern FAILED = Pattern
		.compile("^Failed (\\S+) for (invalid user )?(.*?) from (\\S+)(?: port (\\d+))?");

	private static final Pattern ACCEPTED = Pattern.compile("^Accepted (\\S+) for (.*?) from (\\S+)(?: port (\\d+))?");

	private static final Pattern INVALID_USER = Pattern.compile("^Invalid user (.*?) from (\\S+)(?: port (\\d+))?");

	private static final Pattern CONNECTION_CLOSED = Pattern
		.compile("^Connection (?:closed|reset) by (?:(?:authenticating|invalid) user (.*?) )?(\\S+)(?: port (\\d+))?");

	private static final Pattern DISCONNECTED = Pattern
		.compile("^Disconnected from (?:(invalid|authenticating) user (.*?) |user (.*?) )?(\\S+) port (\\d+)");

	private static final Pattern RECEIVED_DISCONNECT = Pattern
		.compile("^Received disconnect from (\\S+?)(?: port (\\d+))?:");

	private static final Pattern BREAK_IN = Pattern
		.compile("(?:\\[([0-9A-Fa-f:.]+)\\]|^Address (\\S+) maps to).*POSSIBLE BREAK-IN ATTEMPT");

	private static final Pattern REPEATED = Pattern.compile("^message repeated (\\d+) times: \\[ ?(.*)\\]$");

	private static final Pattern PAM = Pattern.compile("^pam_unix\\(([^:)]+):([^)]+)\\): (.*)$");

	private static final Pattern PAM_SESSION = Pattern.compile(
			"^session (opened|closed) for user ([^\\s(]+)(?:\\(uid=\\d+\\))?(?: by ([^\\s(]*)(?:\\(uid=\\d+\\))?)?");

	private static final Pattern KEY_USER = Pattern.compile("(?:^|\\s)user=(\\S*)");

	private static final Pattern KEY_RHOST = Pattern.compile("(?:^|\\s)rhost=(\\S*)");

	private static final Pattern FROM_ADDRESS = Pattern.compile(" from (\\S+?)(?:,|;| |$)");

	private static final Pattern SU_RESULT = Pattern.compile("^(Successful|FAILED) su for (\\S+) by (\\S+)");

	private static final Pattern SU_TO = Pattern.compile("^\\(to (\\S+)\\) (\\S+) on (\\S+)");

	private static final Pattern SUDO = Pattern.compile("^\\s*(\\S+) : (.*)$");

	private static final Pattern SUDO_USER = Pattern.compile("(?:^|; )USER=(\\S+)");

	private static final Pattern SUDO_COMMAND = Pattern.compile("(?:^|; )COMMAND=(.*)$");

	private static final Pattern NEW_USER = Pattern.compile("^new user: name=([^,\\s]+)");

	private static final Pattern DELETE_USER = Pattern.compile("^delete user '([^']+)'");

	/**
	 * sshd methods whose failure is a wrong credential ("none" only asks which are
	 * allowed).
	 */
	private static final Set<String> CREDENTIAL_METHODS = Set.of("password", "keyboard-interactive/pam",
			"keyboard-interactive");

	/** Programs whose presence makes a syslog file an auth log. */
	private static final Set<String> AUTH_PROGRAMS = Set.of("sshd", "sudo", "su", "login", "useradd", "userdel",
			"passwd", "systemd-logind", "cron", "CRON", "polkitd", "groupadd", "usermod", "chpasswd", "gdm-password]");

	@Override
	public LogFormat format() {
		return LogFormat.LINUX;
	}

	@Override
	public int detect(LogSample sample) {
		List<String> lines = SampleLines.records(sample);
		ParseContext context = ParseContext.of(sample.fileName());
		double syslog = SampleLines.share(lines, line -> SyslogHeader.parse(line, context) != null
				&& !FortiGateParser.looksLike(line) && !AsaParser.looksLike(line) && !RtxParser.looksLike(line));
		if (syslog < 0.5) {
			return 0;
		}
		double auth = SampleLines.share(lines, line -> {
			SyslogHeader header = SyslogHeader.parse(line, context);
			return header != null && header.program() != null && (AUTH_PROGRAMS.contains(header.program())
					|| header.message().startsWith("pam_unix(") || header.program().startsWith("pam"));
		});
		// a syslog file of other programs is still read (as OTHER events), with less
		// certainty
		return 40 + (int) Math.round(20 * syslog) + (auth > 0 ? 20 : 0);
	}

	@Override
	protected Lines lines(ParseContext context, ParseStats stats) {
		return (line, number, truncated) -> {
			SyslogHeader header = SyslogHeader.parse(line, context);
			if (header == null) {
				return null;
			}
			return read(header, number);
		};
	}

	private LogEvent read(SyslogHeader header, long number) {
		String program = header.program();
		String message = header.message();
		Map<String, String> data = new LinkedHashMap<>();
		Matcher repeated = REPEATED.matcher(message);
		if (repeated.matches()) {
			data.put("repeated", repeated.group(1));
			message = repeated.group(2).strip();
		}
		if (header.pid() != null) {
			data.put("pid", header.pid());
		}
		Event event = new Event(header, number, data);
		if (message.startsWith("pam_unix(")) {
			return pam(event, message);
		}
		if (program == null) {
			return event.other(message);
		}
		return switch (program) {
			case "sshd" -> sshd(event, message);
			case "su" -> su(event, message);
			case "sudo" -> sudo(event, message);
			case "useradd", "adduser" -> account(event, message, NEW_USER, EventKind.ACCOUNT_CREATED);
			case "userdel", "deluser" -> account(event, message, DELETE_USER, EventKind.ACCOUNT_DELETED);
			default -> event.other(message);
		};
	}

	private LogEvent sshd(Event event, String message) {
		Matcher m = FAILED.matcher(message);
		if (m.find()) {
			if (m.group(2) != null) {
				event.data.put("invalidUser", "true");
			}
			if (m.group(5) != null) {
				event.data.put("port", m.group(5));
			}
			EventKind kind = CREDENTIAL_METHODS.contains(m.group(1)) ? EventKind.AUTH_FAILURE : EventKind.OTHER;
			return event.builder(kind)
				.access(Access.REMOTE_SHELL)
				.user(m.group(3).strip())
				.sourceAddress(m.group(4))
				.status("Failed " + m.group(1))
				.build();
		}
		m = ACCEPTED.matcher(message);
		if (m.find()) {
			if (m.group(4) != null) {
				event.data.put("port", m.group(4));
			}
			return event.builder(EventKind.AUTH_SUCCESS)
				.access(Access.REMOTE_SHELL)
				.user(m.group(2).strip())
				.sourceAddress(m.group(3))
				.status("Accepted " + m.group(1))
				.build();
		}
		m = INVALID_USER.matcher(message);
		if (m.find()) {
			event.data.put("invalidUser", "true");
			return event.builder(EventKind.OTHER)
				.access(Access.REMOTE_SHELL)
				.user(m.group(1).strip())
				.sourceAddress(m.group(2))
				.status("Invalid user")
				.build();
		}
		m = BREAK_IN.matcher(message);
		if (m.find()) {
			event.data.put("breakInAttempt", "true");
			return event.builder(EventKind.OTHER)
				.access(Access.REMOTE_SHELL)
				.sourceAddress(m.group(1) != null ? m.group(1) : m.group(2))
				.status("POSSIBLE BREAK-IN ATTEMPT")
				.build();
		}
		boolean preauth = message.endsWith("[preauth]");
		m = DISCONNECTED.matcher(message);
		if (m.find()) {
			String user = m.group(3) != null ? m.group(3) : m.group(2);
			boolean session = m.group(3) != null && !preauth;
			return event.builder(session ? EventKind.SESSION_END : EventKind.OTHER)
				.access(Access.REMOTE_SHELL)
				.user(user == null ? null : user.strip())
				.sourceAddress(m.group(4))
				.status("Disconnected")
				.build();
		}
		m = RECEIVED_DISCONNECT.matcher(message);
		if (m.find()) {
			boolean session = !preauth && message.contains("disconnected by user");
			return event.builder(session ? EventKind.SESSION_END : EventKind.OTHER)
				.access(Access.REMOTE_SHELL)
				.sourceAddress(m.group(1))
				.status("Received disconnect")
				.build();
		}
		m = CONNECTION_CLOSED.matcher(message);
		if (m.find()) {
			return event.builder(EventKind.OTHER)
				.access(Access.REMOTE_SHELL)
				.user(m.group(1) == null ? null : m.group(1).strip())
				.sourceAddress(m.group(2))
				.status(preauth ? "Connection closed [preauth]" : "Connection closed")
				.build();
		}
		LogEvent.Builder other = event.builder(EventKind.OTHER).access(Access.REMOTE_SHELL);
		m = FROM_ADDRESS.matcher(message);
		if (m.find() && Addresses.looksLikeAddress(m.group(1))) {
			other.sourceAddress(m.group(1));
		}
		return other.status(shorten(message)).build();
	}

	private LogEvent pam(Event event, String message) {
		Matcher m = PAM.matcher(message);
		if (!m.matches()) {
			return event.other(message);
		}
		String service = m.group(1);
		String rest = m.group(3);
		event.data.put("pamService", service);
		Access access = "sshd".equals(service) ? Access.REMOTE_SHELL : Access.OTHER;
		if (rest.startsWith("authentication failure")) {
			// the AUTH_FAILURE is the program's own line (sshd "Failed password"); see
			// the
			// class comment
			event.data.put("pam", "authentication failure");
			Matcher user = KEY_USER.matcher(rest);
			Matcher rhost = KEY_RHOST.matcher(rest);
			LogEvent.Builder builder = event.builder(EventKind.OTHER)
				.access(access)
				.user(user.find() ? user.group(1) : null)
				.status("pam authentication failure");
			if (rhost.find() && !rhost.group(1).isEmpty()) {
				if (Addresses.looksLikeAddress(rhost.group(1))) {
					builder.sourceAddress(rhost.group(1));
				}
				else {
					event.data.put("rhost", rhost.group(1));
				}
			}
			return builder.build();
		}
		Matcher session = PAM_SESSION.matcher(rest);
		if (session.find()) {
			String user = session.group(2);
			String by = session.group(3);
			boolean closed = "closed".equals(session.group(1));
			EventKind kind = EventKind.OTHER;
			if (closed && ("sshd".equals(service) || "login".equals(service))) {
				kind = EventKind.SESSION_END;
			}
			return event.builder(kind)
				.access(access)
				.user(user)
				.subjectUser(by == null || by.equals(user) ? null : by)
				.status("session " + session.group(1))
				.build();
		}
		return event.builder(EventKind.OTHER).access(access).status(shorten(rest)).build();
	}

	private LogEvent su(Event event, String message) {
		Matcher m = SU_RESULT.matcher(message);
		if (m.find()) {
			boolean ok = "Successful".equals(m.group(1));
			return event.builder(ok ? EventKind.PRIVILEGE_USE : EventKind.AUTH_FAILURE)
				.user(m.group(2))
				.subjectUser(m.group(3))
				.status(m.group(1) + " su")
				.build();
		}
		m = SU_TO.matcher(message);
		if (m.find()) {
			event.data.put("tty", m.group(3));
			return event.builder(EventKind.PRIVILEGE_USE).user(m.group(1)).subjectUser(m.group(2)).status("su").build();
		}
		return event.other(message);
	}

	private LogEvent sudo(Event event, String message) {
		Matcher m = SUDO.matcher(message);
		if (!m.matches()) {
			return event.other(message);
		}
		String user = m.group(1);
		String rest = m.group(2);
		Matcher runAs = SUDO_USER.matcher(rest);
		if (runAs.find()) {
			event.data.put("runAs", runAs.group(1));
		}
		Matcher command = SUDO_COMMAND.matcher(rest);
		String target = command.find() ? shorten(command.group(1)) : null;
		if (rest.contains("incorrect password attempt")) {
			return event.builder(EventKind.AUTH_FAILURE)
				.user(user)
				.target(target)
				.status("sudo incorrect password")
				.build();
		}
		if (target == null) {
			return event.other(message);
		}
		boolean refused = rest.contains("NOT in sudoers") || rest.contains("command not allowed");
		return event.builder(EventKind.PRIVILEGE_USE)
			.outcome(refused ? Outcome.FAILURE : Outcome.SUCCESS)
			.user(user)
			.target(target)
			.status(refused ? "sudo refused" : "sudo")
			.build();
	}

	private LogEvent account(Event event, String message, Pattern pattern, EventKind kind) {
		Matcher m = pattern.matcher(message);
		if (!m.find()) {
			return event.other(message);
		}
		return event.builder(kind)
			.user(m.group(1))
			.status(kind == EventKind.ACCOUNT_CREATED ? "new user" : "delete user")
			.build();
	}

	private static String shorten(String text) {
		return text.length() > 200 ? text.substring(0, 200) : text;
	}

	/** What every event of one line shares: header, line number, data. */
	private record Event(SyslogHeader header, long number, Map<String, String> data) {

		LogEvent.Builder builder(EventKind kind) {
			String program = header.program();
			return LogEvent.at(header.time(), kind)
				.host(header.host())
				.channel(program == null ? "syslog" : program)
				.process(program)
				.recordNumber(number)
				.data(Collections.unmodifiableMap(data));
		}

		LogEvent other(String message) {
			return builder(EventKind.OTHER).status(shorten(message)).build();
		}

	}

}
