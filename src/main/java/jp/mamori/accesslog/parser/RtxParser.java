package jp.mamori.accesslog.parser;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YAMAHA RTX / NVR router logs, as a syslog server receives them
 * ({@code Jun 15 09:00:00 192.168.100.1 PP[01] Rejected at IN(1100) filter: …}, host =
 * the router's address) and as {@code show log} prints them
 * ({@code 2025/06/15 09:00:00: …}, times in {@link ParseContext#zone()}).
 * <p>
 * Lines read (shapes taken from public RTX logs and configuration write-ups):
 * <ul>
 * <li>{@code PP[01] Rejected at IN(1100) filter: TCP 203.0.113.5:51234 > 192.168.0.1:22},
 * {@code TUNNEL[1] Rejected at OUT(300) filter: UDP …}, {@code LAN2 Rejected at IN(11)
 * filter: …} → {@link EventKind#TRAFFIC_DENIED}; {@code … Passed at IN(200099) filter: …}
 * → {@link EventKind#TRAFFIC_ALLOWED}; data {@code filter}, {@code direction},
 * {@code interface}, {@code protocol}. The MAC filter form
 * ({@code LAN1(port1) Rejected at IN(1) filter: 00:a0:de:… > … IP}) has no
 * addresses.</li>
 * <li>{@code [INSPECT] PP[01][out][101] TCP 192.168.0.5:51234 > 203.0.113.10:80
 * (2016/02/23 10:59:24)} (dynamic filter session; IPv6 writes the port after a dot:
 * {@code 2001:db8::5.56609}) → {@link EventKind#TRAFFIC_ALLOWED}.</li>
 * <li>{@code Login succeeded for HTTP: 192.168.182.200 admin},
 * {@code Login succeeded as (user) for TELNET: 192.168.0.10} →
 * {@link EventKind#AUTH_SUCCESS} {@link Access#DEVICE_ADMIN};
 * {@code Login failed for TELNET: 192.168.0.10} → {@link EventKind#AUTH_FAILURE};
 * {@code Logout from TELNET: 192.168.0.10} → {@link EventKind#SESSION_END};
 * {@code 'user' succeeded for HTTP: ADDR} → AUTH_SUCCESS. The router logs
 * {@code 'administrator' succeeded for HTTP: ADDR user} right after a login when the
 * administrator password is entered: that is {@link EventKind#PRIVILEGE_USE}, not a
 * second login (a failed administrator password is an AUTH_FAILURE).</li>
 * <li>tunnels: {@code IP Tunnel[1] Up}, {@code PP[01] Tunnel up}, {@code [IPSEC] IPsec SA
 * established …}, {@code [L2TP] TUNNEL[1] connected from 203.0.113.5} and their
 * down/deleted/disconnected forms → AUTH_SUCCESS / SESSION_END {@link Access#VPN} where a
 * user or peer address is given, else {@link EventKind#OTHER}.</li>
 * <li>everything else ({@code [DHCPD] …}, {@code LAN1: link up}, {@code [IKE] …}) →
 * OTHER.</li>
 * </ul>
 */
public final class RtxParser extends TextLogParser {

	private static final Pattern SHOW_LOG_TIME = Pattern.compile("^\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}: ");

	private static final Pattern FILTER = Pattern.compile(
			"^(?:(\\S+) )?(Rejected|Passed) at (IN|OUT)\\(([^)]*)\\) filter:\\s*(\\S+)\\s+(\\S+)(?:\\s+>\\s+(\\S+))?(.*)$");

	private static final Pattern INSPECT = Pattern
		.compile("^\\[INSPECT\\]\\s*(\\S+?)\\[(in|out)\\]\\[(\\d+)\\] (\\S+) (\\S+) > (\\S+)(.*)$");

	private static final Pattern LOGIN = Pattern.compile(
			"^Login (succeeded|failed)(?: as \\(?([^)\\s]+)\\)?)? for ([^:\\s]+):\\s*(\\S+)(?:\\s+\\(?([^)\\s]+)\\)?)?");

	private static final Pattern QUOTED_USER = Pattern
		.compile("^'([^']*)' (succeeded|failed) for ([^:\\s]+):\\s*(\\S+)(?:\\s+(\\S+))?");

	private static final Pattern LOGOUT = Pattern
		.compile("^Logout (?:timer expire[d]? )?from ([^:\\s]+):\\s*(\\S+)(?:\\s+\\(?([^)\\s]+)\\)?)?");

	private static final Pattern TUNNEL_WORDS = Pattern
		.compile("(?i)tunnel|\\[ipsec\\]|\\[ike|\\[l2tp\\]|\\[pptp\\]|^pp\\[");

	private static final Pattern UP = Pattern.compile("(?i)\\b(up|established|connected)\\b");

	private static final Pattern DOWN = Pattern.compile("(?i)\\b(down|deleted|disconnected|disconnect|closed)\\b");

	private static final Pattern TUNNEL_USER = Pattern
		.compile("(?i)\\buser(?:name)?\\s*[=:]?\\s*[('\"]?([A-Za-z0-9_.@\\\\-]+)");

	private static final Pattern REMOTE = Pattern.compile("(?i)remote:?\\s*(\\d{1,3}(?:\\.\\d{1,3}){3})");

	private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?![\\d.])");

	private static final List<String> MARKERS = List.of("Rejected at IN(", "Rejected at OUT(", "Passed at IN(",
			"Passed at OUT(", "[INSPECT]", "IP Tunnel[", "[DHCPD]", "Login succeeded for", "Login succeeded as",
			"Login failed for", "Logout from", "' succeeded for", "[IKE]", "[IPSEC]", "[L2TP]", "[SWCTL]", "[SCHEDULE]",
			"PP[0", "TUNNEL[");

	@Override
	public LogFormat format() {
		return LogFormat.RTX;
	}

	/** Whether a line is written the way only YAMAHA routers write. */
	static boolean looksLike(String line) {
		if (SHOW_LOG_TIME.matcher(line).find()) {
			return true;
		}
		for (String marker : MARKERS) {
			if (line.contains(marker)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int detect(LogSample sample) {
		double share = SampleLines.share(SampleLines.records(sample), RtxParser::looksLike);
		return SampleLines.score(share, 0.2, 75, 92);
	}

	@Override
	protected Lines lines(ParseContext context, ParseStats stats) {
		return (line, number, truncated) -> read(line, number, context);
	}

	private LogEvent read(String line, long number, ParseContext context) {
		Instant time;
		String host = null;
		String message;
		if (SHOW_LOG_TIME.matcher(line).find()) {
			time = LogTimes.instant(LogTimes.digits(line, 0, 4), LogTimes.digits(line, 5, 2),
					LogTimes.digits(line, 8, 2), LogTimes.digits(line, 11, 2), LogTimes.digits(line, 14, 2),
					LogTimes.digits(line, 17, 2), 0, context.zone());
			message = line.substring(21).strip();
		}
		else {
			SyslogHeader header = SyslogHeader.parse(line, context);
			if (header == null) {
				return null;
			}
			time = header.time();
			host = header.host();
			message = header.afterHost();
		}
		if (time == null) {
			return null;
		}
		Map<String, String> data = new LinkedHashMap<>();
		LogEvent.Builder builder = map(message, time, data);
		return builder.host(host).channel("rtx").recordNumber(number).data(Collections.unmodifiableMap(data)).build();
	}

	private static LogEvent.Builder map(String message, Instant time, Map<String, String> data) {
		Matcher m = FILTER.matcher(message);
		if (m.find()) {
			boolean rejected = "Rejected".equals(m.group(2));
			if (m.group(1) != null) {
				data.put("interface", m.group(1));
			}
			data.put("direction", m.group(3));
			data.put("filter", m.group(4));
			LogEvent.Builder builder = LogEvent
				.at(time, rejected ? EventKind.TRAFFIC_DENIED : EventKind.TRAFFIC_ALLOWED)
				.status(m.group(2));
			String first = m.group(5);
			if (first.chars().allMatch(Character::isLetterOrDigit) && !Addresses.looksLikeAddress(first)
					&& first.chars().anyMatch(Character::isLetter) && m.group(7) != null) {
				// IP filter: PROTOCOL SRC > DST
				data.put("protocol", first);
				String[] source = endpoint(m.group(6));
				String[] target = endpoint(m.group(7));
				return builder.sourceAddress(source[0]).target(join(target)).process(first);
			}
			// MAC filter: SRC-MAC > DST-MAC PROTOCOL
			data.put("sourceMac", first);
			if (m.group(6) != null && !">".equals(m.group(6))) {
				data.put("targetMac", m.group(6));
			}
			return builder;
		}
		m = INSPECT.matcher(message);
		if (m.find()) {
			data.put("inspect", "true");
			data.put("interface", m.group(1));
			data.put("direction", m.group(2));
			data.put("filter", m.group(3));
			data.put("protocol", m.group(4));
			String[] source = endpoint(m.group(5));
			String[] target = endpoint(m.group(6));
			String rest = m.group(7).toLowerCase(java.util.Locale.ROOT);
			boolean rejected = rest.contains("reject") || rest.contains("discard");
			return LogEvent.at(time, rejected ? EventKind.TRAFFIC_DENIED : EventKind.TRAFFIC_ALLOWED)
				.sourceAddress(source[0])
				.target(join(target))
				.process(m.group(4))
				.status("INSPECT");
		}
		m = LOGIN.matcher(message);
		if (m.find()) {
			boolean ok = "succeeded".equals(m.group(1));
			String user = m.group(2) != null ? m.group(2) : m.group(5);
			return LogEvent.at(time, ok ? EventKind.AUTH_SUCCESS : EventKind.AUTH_FAILURE)
				.access(Access.DEVICE_ADMIN)
				.process(m.group(3))
				.sourceAddress(address(m.group(4)))
				.user(user)
				.status("Login " + m.group(1));
		}
		m = QUOTED_USER.matcher(message);
		if (m.find()) {
			boolean ok = "succeeded".equals(m.group(2));
			boolean administrator = "administrator".equalsIgnoreCase(m.group(1));
			EventKind kind = !ok ? EventKind.AUTH_FAILURE
					: administrator ? EventKind.PRIVILEGE_USE : EventKind.AUTH_SUCCESS;
			if (administrator) {
				data.put("administrator", "true");
			}
			return LogEvent.at(time, kind)
				.outcome(ok ? Outcome.SUCCESS : Outcome.FAILURE)
				.access(Access.DEVICE_ADMIN)
				.process(m.group(3))
				.sourceAddress(address(m.group(4)))
				.user(administrator ? m.group(5) : m.group(1))
				.status("'" + m.group(1) + "' " + m.group(2));
		}
		m = LOGOUT.matcher(message);
		if (m.find()) {
			return LogEvent.at(time, EventKind.SESSION_END)
				.access(Access.DEVICE_ADMIN)
				.process(m.group(1))
				.sourceAddress(address(m.group(2)))
				.user(m.group(3))
				.status("Logout");
		}
		if (TUNNEL_WORDS.matcher(message).find()) {
			return tunnel(message, time, data);
		}
		return LogEvent.at(time, EventKind.OTHER).status(shorten(message));
	}

	private static LogEvent.Builder tunnel(String message, Instant time, Map<String, String> data) {
		Matcher user = TUNNEL_USER.matcher(message);
		Matcher remote = REMOTE.matcher(message);
		Matcher any = IPV4.matcher(message);
		String peer = remote.find() ? remote.group(1) : any.find() ? any.group(1) : null;
		String account = user.find() ? user.group(1) : null;
		boolean down = DOWN.matcher(message).find();
		boolean up = !down && UP.matcher(message).find();
		EventKind kind = EventKind.OTHER;
		if ((up || down) && (peer != null || account != null)) {
			kind = up ? EventKind.AUTH_SUCCESS : EventKind.SESSION_END;
		}
		data.put("tunnel", up ? "up" : down ? "down" : "other");
		return LogEvent.at(time, kind)
			.access(kind == EventKind.OTHER ? Access.OTHER : Access.VPN)
			.user(account)
			.sourceAddress(peer)
			.status(shorten(message));
	}

	/**
	 * {@code 1.2.3.4:80}, {@code [2001:db8::1]:80} or {@code 2001:db8::1.80} → address,
	 * port.
	 */
	private static String[] endpoint(String written) {
		if (written == null) {
			return new String[] { null, null };
		}
		if (written.startsWith("[")) {
			int close = written.indexOf(']');
			if (close > 0) {
				String port = close + 1 < written.length() && written.charAt(close + 1) == ':'
						? written.substring(close + 2) : null;
				return new String[] { written.substring(1, close), port };
			}
		}
		int colons = (int) written.chars().filter(c -> c == ':').count();
		if (colons == 1) {
			int colon = written.indexOf(':');
			return new String[] { written.substring(0, colon), written.substring(colon + 1) };
		}
		if (colons > 1) {
			int dot = written.lastIndexOf('.');
			if (dot > written.lastIndexOf(':')) {
				return new String[] { written.substring(0, dot), written.substring(dot + 1) };
			}
		}
		return new String[] { written, null };
	}

	private static String join(String[] endpoint) {
		if (endpoint[0] == null) {
			return null;
		}
		if (endpoint[1] == null || endpoint[1].isEmpty()) {
			return endpoint[0];
		}
		return (endpoint[0].indexOf(':') >= 0 ? "[" + endpoint[0] + "]" : endpoint[0]) + ":" + endpoint[1];
	}

	private static String address(String written) {
		return Addresses.looksLikeAddress(written) ? written : null;
	}

	private static String shorten(String text) {
		return text.length() > 200 ? text.substring(0, 200) : text;
	}

}
