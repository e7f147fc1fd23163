package jp.mamori.accesslog.parser;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * FortiGate key=value syslog: {@code <189>date=2020-04-23 time=12:32:48 devname="fw1"
 * logid="0101039947" type="event" subtype="vpn" … action="tunnel-up" …}. Values may be
 * quoted or not, fields come in any order, devname and tz are optional, and a syslog
 * server may have put its own header in front.
 * <p>
 * Time: {@code date} + {@code time} in {@code tz} when tz is given; else
 * {@code eventtime} (epoch seconds, milli-, micro- or nanoseconds, told apart by size);
 * else {@code date} + {@code time} in {@link ParseContext#zone()}.
 * <p>
 * Mapping: vpn {@code tunnel-up} (SSL or IPsec) → {@link EventKind#AUTH_SUCCESS}
 * {@link Access#VPN} with the user, source {@code remip}, data {@code tunnelip},
 * {@code group}; {@code tunnel-down} → {@link EventKind#SESSION_END};
 * {@code ssl-login-fail} and other VPN authentication failures →
 * {@link EventKind#AUTH_FAILURE}; system admin login (logid 0100032001 / 0100032002, or
 * action login with a status) → AUTH_SUCCESS/AUTH_FAILURE {@link Access#DEVICE_ADMIN}
 * with source {@code srcip}, process from {@code ui} ({@code ssh(172.16.200.254)} →
 * {@code ssh}), data {@code profile}; admin logout → SESSION_END; user
 * {@code action=authentication} → AUTH_SUCCESS/AUTH_FAILURE {@link Access#NETWORK}
 * (process from {@code authproto}); traffic deny/accept →
 * {@link EventKind#TRAFFIC_DENIED}/{@link EventKind#TRAFFIC_ALLOWED} (source srcip,
 * target dstip:dstport); everything else {@link EventKind#OTHER}.
 */
public final class FortiGateParser extends TextLogParser {

	private static final String ADMIN_LOGIN = "0100032001";

	private static final String ADMIN_LOGIN_FAILED = "0100032002";

	private static final String ADMIN_LOGOUT = "0100032003";

	/** The fields copied into {@link LogEvent#data()} when present. */
	private static final List<String> KEPT = List.of("type", "subtype", "action", "logdesc", "vd", "level",
			"tunneltype", "tunnelip", "group", "profile", "ui", "method", "reason", "service", "proto", "policyid",
			"srcport", "dstport", "srcintf", "dstintf", "vpntunnel", "xauthuser", "authproto", "msg");

	@Override
	public LogFormat format() {
		return LogFormat.FORTIGATE;
	}

	/** Whether a line looks like a FortiGate key=value record. */
	static boolean looksLike(String line) {
		return line.contains("logid=") && line.contains("type=")
				&& (line.contains("date=") || line.contains("devname=") || line.contains("eventtime="));
	}

	@Override
	public int detect(LogSample sample) {
		double share = SampleLines.share(SampleLines.records(sample), FortiGateParser::looksLike);
		return SampleLines.score(share, 0.3, 80, 95);
	}

	@Override
	protected Lines lines(ParseContext context, ParseStats stats) {
		return (line, number, truncated) -> read(line, number, context);
	}

	private LogEvent read(String line, long number, ParseContext context) {
		int start = 0;
		String headerHost = null;
		Instant headerTime = null;
		SyslogHeader header = SyslogHeader.parse(line, context);
		if (header != null && header.message().indexOf('=') > 0) {
			headerHost = header.host();
			headerTime = header.time();
			line = header.afterHost();
		}
		else if (line.startsWith("<")) {
			int close = line.indexOf('>');
			start = close > 0 && close < 5 ? close + 1 : 0;
		}
		Map<String, String> fields = pairs(line, start);
		String logid = value(fields, "logid");
		String type = value(fields, "type");
		if (logid == null && type == null) {
			return null;
		}
		Instant time = time(fields, context.zone());
		if (time == null) {
			time = headerTime;
		}
		if (time == null) {
			return null;
		}
		String subtype = lower(value(fields, "subtype"));
		String action = lower(value(fields, "action"));
		String status = value(fields, "status");
		Map<String, String> data = new LinkedHashMap<>();
		for (String key : KEPT) {
			String value = value(fields, key);
			if (value != null) {
				data.put(key, value.length() > 300 ? value.substring(0, 300) : value);
			}
		}
		String host = value(fields, "devname");
		LogEvent.Builder builder;
		String user = value(fields, "user");
		if ("traffic".equalsIgnoreCase(type)) {
			builder = traffic(time, fields, action);
		}
		else if ("vpn".equals(subtype)) {
			builder = vpn(time, fields, action, status);
		}
		else if (ADMIN_LOGIN.equals(logid) || ADMIN_LOGIN_FAILED.equals(logid) || ADMIN_LOGOUT.equals(logid)
				|| ("system".equals(subtype) && ("login".equals(action) || "logout".equals(action)))) {
			EventKind kind = ADMIN_LOGOUT.equals(logid) || "logout".equals(action) ? EventKind.SESSION_END
					: ADMIN_LOGIN.equals(logid) || "success".equalsIgnoreCase(status) ? EventKind.AUTH_SUCCESS
							: EventKind.AUTH_FAILURE;
			builder = LogEvent.at(time, kind)
				.access(Access.DEVICE_ADMIN)
				.sourceAddress(value(fields, "srcip"))
				.process(method(value(fields, "ui"), value(fields, "method")));
		}
		else if ("user".equals(subtype) && "authentication".equals(action)) {
			boolean ok = "success".equalsIgnoreCase(status);
			builder = LogEvent.at(time, ok ? EventKind.AUTH_SUCCESS : EventKind.AUTH_FAILURE)
				.access(Access.NETWORK)
				.sourceAddress(value(fields, "srcip"))
				.process(method(value(fields, "authproto"), null));
		}
		else {
			builder = LogEvent.at(time, EventKind.OTHER).sourceAddress(address(fields, "srcip", "remip"));
		}
		return builder.host(host != null ? host : headerHost)
			.channel("fortigate")
			.eventId(logid)
			.user(user)
			.status(status != null ? status : value(fields, "action"))
			.recordNumber(number)
			.data(Collections.unmodifiableMap(data))
			.build();
	}

	private static LogEvent.Builder traffic(Instant time, Map<String, String> fields, String action) {
		boolean denied = action != null && (action.equals("deny") || action.equals("block") || action.equals("blocked")
				|| action.equals("dropped") || action.equals("drop"));
		EventKind kind = denied ? EventKind.TRAFFIC_DENIED
				: action == null || action.isEmpty() ? EventKind.OTHER : EventKind.TRAFFIC_ALLOWED;
		String target = value(fields, "dstip");
		String port = value(fields, "dstport");
		if (target != null && port != null) {
			target = (target.indexOf(':') >= 0 ? "[" + target + "]" : target) + ":" + port;
		}
		return LogEvent.at(time, kind)
			.sourceAddress(value(fields, "srcip"))
			.target(target)
			.process(value(fields, "service"));
	}

	private static LogEvent.Builder vpn(Instant time, Map<String, String> fields, String action, String status) {
		String logdesc = lower(value(fields, "logdesc"));
		EventKind kind;
		if ("tunnel-up".equals(action)) {
			kind = EventKind.AUTH_SUCCESS;
		}
		else if ("tunnel-down".equals(action)) {
			kind = EventKind.SESSION_END;
		}
		else if ("ssl-login-fail".equals(action)
				|| (action != null && action.contains("fail") && action.contains("login"))
				|| (logdesc != null && (logdesc.contains("authentication fail") || logdesc.contains("auth fail")
						|| logdesc.contains("login fail")))
				|| (action != null && action.contains("xauth") && "failure".equalsIgnoreCase(status))) {
			kind = EventKind.AUTH_FAILURE;
		}
		else {
			kind = EventKind.OTHER;
		}
		return LogEvent.at(time, kind)
			.access(kind == EventKind.OTHER ? Access.OTHER : Access.VPN)
			.sourceAddress(address(fields, "remip", "srcip"))
			.target(value(fields, "vpntunnel"))
			.process(value(fields, "tunneltype"));
	}

	/**
	 * {@code ssh(172.16.200.254)} → {@code ssh}; {@code TELNET(10.1.100.11)} → TELNET.
	 */
	private static String method(String written, String fallback) {
		if (written == null) {
			return fallback;
		}
		int open = written.indexOf('(');
		return open > 0 ? written.substring(0, open) : written;
	}

	private static String address(Map<String, String> fields, String first, String second) {
		String value = value(fields, first);
		return value != null ? value : value(fields, second);
	}

	/** A field's value; FortiGate's placeholders {@code N/A} and empty are none. */
	private static String value(Map<String, String> fields, String key) {
		String value = fields.get(key);
		if (value == null || value.isEmpty() || "N/A".equalsIgnoreCase(value) || "(null)".equals(value)) {
			return null;
		}
		return value;
	}

	private static String lower(String value) {
		return value == null ? null : value.toLowerCase(Locale.ROOT);
	}

	private static Instant time(Map<String, String> fields, ZoneId zone) {
		String date = fields.get("date");
		String clock = fields.get("time");
		ZoneOffset tz = LogTimes.offset(fields.get("tz"));
		if (date != null && clock != null && tz != null) {
			Instant local = local(date, clock, tz);
			if (local != null) {
				return local;
			}
		}
		Instant epoch = epoch(fields.get("eventtime"));
		if (epoch != null) {
			return epoch;
		}
		return date != null && clock != null ? local(date, clock, zone) : null;
	}

	private static Instant local(String date, String clock, ZoneId zone) {
		if (date.length() != 10 || clock.length() < 8) {
			return null;
		}
		int year = LogTimes.digits(date, 0, 4);
		int month = LogTimes.digits(date, 5, 2);
		int day = LogTimes.digits(date, 8, 2);
		int[] hms = new int[3];
		if (year < 0 || month < 0 || day < 0 || LogTimes.clock(clock, 0, hms) < 0) {
			return null;
		}
		return LogTimes.instant(year, month, day, hms[0], hms[1], hms[2], 0, zone);
	}

	private static Instant epoch(String written) {
		if (written == null || written.isEmpty() || written.length() > 19) {
			return null;
		}
		long value;
		try {
			value = Long.parseLong(written);
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (value <= 0) {
			return null;
		}
		// seconds stay below 1e11 until the year 5138: each further factor 1000 is a
		// finer
		// unit
		if (value >= 100_000_000_000_000_000L) {
			return Instant.ofEpochSecond(value / 1_000_000_000L, value % 1_000_000_000L);
		}
		if (value >= 100_000_000_000_000L) {
			return Instant.ofEpochSecond(value / 1_000_000L, (value % 1_000_000L) * 1000);
		}
		if (value >= 100_000_000_000L) {
			return Instant.ofEpochMilli(value);
		}
		return Instant.ofEpochSecond(value);
	}

	/**
	 * The key=value pairs of a record, quoted values unquoted (a backslash inside quotes
	 * escapes the next character). Tokens without {@code =} are passed over.
	 * Hand-written: a regular expression over a whole record backtracks badly on long
	 * unterminated quotes, and no small library reads FortiGate's dialect (unquoted
	 * values, {@code N/A}).
	 */
	static Map<String, String> pairs(String line, int from) {
		Map<String, String> pairs = new LinkedHashMap<>();
		int i = from;
		int length = line.length();
		while (i < length && pairs.size() < 300) {
			while (i < length && line.charAt(i) == ' ') {
				i++;
			}
			int keyStart = i;
			while (i < length && line.charAt(i) != '=' && line.charAt(i) != ' ') {
				i++;
			}
			if (i >= length) {
				break;
			}
			if (line.charAt(i) == ' ' || i == keyStart) {
				// not a key=value token
				while (i < length && line.charAt(i) != ' ') {
					i++;
				}
				continue;
			}
			String key = line.substring(keyStart, i);
			i++; // '='
			String value;
			if (i < length && line.charAt(i) == '"') {
				StringBuilder quoted = new StringBuilder();
				i++;
				while (i < length && line.charAt(i) != '"') {
					if (line.charAt(i) == '\\' && i + 1 < length) {
						i++;
					}
					quoted.append(line.charAt(i));
					i++;
				}
				i++; // closing quote (or past the end)
				value = quoted.toString();
			}
			else {
				int valueStart = i;
				while (i < length && line.charAt(i) != ' ') {
					i++;
				}
				value = line.substring(valueStart, i);
			}
			pairs.putIfAbsent(key, value);
		}
		return pairs;
	}

}
