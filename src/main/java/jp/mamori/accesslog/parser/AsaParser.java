package jp.mamori.accesslog.parser;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cisco ASA (and Firepower Threat Defense, same messages) syslog:
 * {@code <166>Jun 15 2025 09:00:00 asa01 : %ASA-6-605005: Login permitted from …}. The
 * line may start with a syslog server's RFC 3164 or ISO header, with the ASA's own
 * timestamp ({@code Jun 15 2025 09:00:00}), or both; the first time found is used. A line
 * with no time at all is skipped.
 * <p>
 * Mapping (message id → kind): 605005 login permitted / 605004 denied →
 * AUTH_SUCCESS/AUTH_FAILURE {@link Access#DEVICE_ADMIN}; 113004 / 113005 AAA success /
 * failure → AUTH_SUCCESS/AUTH_FAILURE {@link Access#NETWORK}; 113039, 722022, 716001
 * AnyConnect/WebVPN session start → AUTH_SUCCESS {@link Access#VPN}; 722023, 716002 end →
 * SESSION_END; 106023, 106001, 106015, 106100 (denied) → TRAFFIC_DENIED; 106100
 * permitted, 302013, 302015 built → TRAFFIC_ALLOWED; 111008, 111010 configuration
 * commands → OTHER with the user and the command as target; 611101 / 611102 user
 * authentication → AUTH_SUCCESS/AUTH_FAILURE DEVICE_ADMIN, 611103 logout → SESSION_END;
 * anything else OTHER with its id. The event id is the six-digit message id, the status
 * the severity.
 */
public final class AsaParser extends TextLogParser {

	private static final Pattern TAG = Pattern.compile("%(?:ASA|FTD)-(\\d)-(\\d{6}):?");

	private static final Pattern LOGIN = Pattern
		.compile("^Login (permitted|denied) from (\\S+) to (\\S+) for user \"([^\"]*)\"");

	private static final Pattern AAA_USER = Pattern.compile("user = ([^:]*?)\\s*(?::|$)");

	private static final Pattern AAA_SERVER = Pattern.compile("server = ([^:\\s]*)");

	private static final Pattern AAA_USER_IP = Pattern.compile("user IP = ([^:\\s]*)");

	private static final Pattern AAA_REASON = Pattern.compile("reason = ([^:]*?)\\s*:");

	private static final Pattern GROUP_USER_IP = Pattern
		.compile("Group <?([^>]*?)>? User <?([^>]*?)>? IP <?([^>\\s]*)>?(?:\\s|$)");

	private static final Pattern DENY_ACL = Pattern.compile(
			"^Deny (\\S+) src ([^:\\s]+):([^/\\s]+)(?:/(\\d+))? dst ([^:\\s]+):([^/\\s]+)(?:/(\\d+))?(?: .*?by access-group \"([^\"]*)\")?");

	private static final Pattern DENIED_FLAGS = Pattern.compile(
			"^(?:Inbound (\\S+) connection denied|Deny (\\S+) \\(no connection\\)) from (\\S+?)/(\\d+) to (\\S+?)/(\\d+)(?: flags (.*?))? on interface (\\S+)");

	private static final Pattern ACCESS_LIST = Pattern.compile(
			"^access-list (\\S+) (denied|permitted|est-allowed) (\\S+) ([^/\\s]+)/(\\S+?)\\((\\d+)\\) -> ([^/\\s]+)/(\\S+?)\\((\\d+)\\)");

	private static final Pattern BUILT = Pattern.compile(
			"^Built (inbound|outbound) (\\S+) connection (\\d+) for ([^:\\s]+):(\\S+?)/(\\d+) \\(.*?\\) to ([^:\\s]+):(\\S+?)/(\\d+)");

	private static final Pattern EXECUTED = Pattern.compile("^User '([^']*)' executed the '(.*)' command");

	private static final Pattern EXECUTED_FROM = Pattern
		.compile("^User '([^']*)', running '([^']*)' from IP (\\S+?), executed '(.*)'");

	private static final Pattern USER_AUTH = Pattern
		.compile("^User authentication (succeeded|failed): (?:IP address: (\\S+?), )?Uname: (\\S+)");

	private static final Pattern LOGGED_OUT = Pattern.compile("^User logged out: Uname: (\\S+)");

	private static final List<String> SEVERITIES = List.of("emergencies", "alerts", "critical", "errors", "warnings",
			"notifications", "informational", "debugging");

	@Override
	public LogFormat format() {
		return LogFormat.ASA;
	}

	/** Whether a line carries an ASA message tag. */
	static boolean looksLike(String line) {
		return TAG.matcher(line).find();
	}

	@Override
	public int detect(LogSample sample) {
		double share = SampleLines.share(SampleLines.records(sample), AsaParser::looksLike);
		return SampleLines.score(share, 0.3, 80, 95);
	}

	@Override
	protected Lines lines(ParseContext context, ParseStats stats) {
		return (line, number, truncated) -> read(line, number, context);
	}

	private LogEvent read(String line, long number, ParseContext context) {
		Matcher tag = TAG.matcher(line);
		if (!tag.find()) {
			return null;
		}
		String prefix = line.substring(0, tag.start());
		int[] end = new int[1];
		Instant time = time(prefix, context, end);
		if (time == null) {
			return null;
		}
		String host = host(prefix, end[0]);
		String id = tag.group(2);
		int level = tag.group(1).charAt(0) - '0';
		String message = line.substring(tag.end()).strip();
		Map<String, String> data = new LinkedHashMap<>();
		LogEvent.Builder builder = map(id, message, time, data);
		return builder.host(host)
			.channel("asa")
			.eventId(id)
			.status(level < SEVERITIES.size() ? SEVERITIES.get(level) : null)
			.recordNumber(number)
			.data(Collections.unmodifiableMap(data))
			.build();
	}

	private static LogEvent.Builder map(String id, String message, Instant time, Map<String, String> data) {
		Matcher m;
		switch (id) {
			case "605004", "605005" -> {
				m = LOGIN.matcher(message);
				if (m.find()) {
					String from = m.group(2);
					String to = m.group(3);
					int colon = to.indexOf(':');
					if (colon > 0 && to.indexOf('/') > colon) {
						// "inside:192.0.2.1/ssh": the interface, then the address
						data.put("interface", to.substring(0, colon));
						to = to.substring(colon + 1);
					}
					int slash = to.lastIndexOf('/');
					EventKind kind = "permitted".equals(m.group(1)) ? EventKind.AUTH_SUCCESS : EventKind.AUTH_FAILURE;
					return LogEvent.at(time, kind)
						.access(Access.DEVICE_ADMIN)
						.user(m.group(4))
						.sourceAddress(from.contains("/") ? from.substring(0, from.lastIndexOf('/')) : from)
						.target(slash > 0 ? to.substring(0, slash) : to)
						.process(slash > 0 ? to.substring(slash + 1) : null);
				}
			}
			case "113004", "113005" -> {
				boolean ok = "113004".equals(id);
				Matcher user = AAA_USER.matcher(message);
				Matcher server = AAA_SERVER.matcher(message);
				Matcher userIp = AAA_USER_IP.matcher(message);
				Matcher reason = AAA_REASON.matcher(message);
				if (server.find()) {
					data.put("server", server.group(1));
				}
				if (reason.find()) {
					data.put("reason", reason.group(1));
				}
				return LogEvent.at(time, ok ? EventKind.AUTH_SUCCESS : EventKind.AUTH_FAILURE)
					.access(Access.NETWORK)
					.user(user.find() ? user.group(1) : null)
					.sourceAddress(userIp.find() ? userIp.group(1) : null)
					.process("AAA");
			}
			case "113039", "722022", "716001", "722023", "716002" -> {
				m = GROUP_USER_IP.matcher(message);
				if (m.find()) {
					data.put("group", m.group(1));
					boolean start = id.equals("113039") || id.equals("722022") || id.equals("716001");
					return LogEvent.at(time, start ? EventKind.AUTH_SUCCESS : EventKind.SESSION_END)
						.access(Access.VPN)
						.user(m.group(2))
						.sourceAddress(m.group(3))
						.process(id.startsWith("716") ? "WebVPN" : "AnyConnect");
				}
			}
			case "106023" -> {
				m = DENY_ACL.matcher(message);
				if (m.find()) {
					if (m.group(8) != null) {
						data.put("accessGroup", m.group(8));
					}
					data.put("protocol", m.group(1));
					data.put("sourceInterface", m.group(2));
					data.put("targetInterface", m.group(5));
					return LogEvent.at(time, EventKind.TRAFFIC_DENIED)
						.sourceAddress(m.group(3))
						.target(endpoint(m.group(6), m.group(7)));
				}
			}
			case "106001", "106015" -> {
				m = DENIED_FLAGS.matcher(message);
				if (m.find()) {
					data.put("protocol", m.group(1) != null ? m.group(1) : m.group(2));
					data.put("interface", m.group(8));
					return LogEvent.at(time, EventKind.TRAFFIC_DENIED)
						.sourceAddress(m.group(3))
						.target(endpoint(m.group(5), m.group(6)));
				}
			}
			case "106100" -> {
				m = ACCESS_LIST.matcher(message);
				if (m.find()) {
					data.put("accessList", m.group(1));
					data.put("protocol", m.group(3));
					boolean denied = "denied".equals(m.group(2));
					return LogEvent.at(time, denied ? EventKind.TRAFFIC_DENIED : EventKind.TRAFFIC_ALLOWED)
						.sourceAddress(m.group(5))
						.target(endpoint(m.group(8), m.group(9)));
				}
			}
			case "302013", "302015" -> {
				m = BUILT.matcher(message);
				if (m.find()) {
					data.put("protocol", m.group(2));
					data.put("connection", m.group(3));
					// "for A to B": A is the outside (foreign) end; inbound connections
					// start there, outbound ones start at B
					boolean inbound = "inbound".equals(m.group(1));
					String source = inbound ? m.group(5) : m.group(8);
					String target = inbound ? endpoint(m.group(8), m.group(9)) : endpoint(m.group(5), m.group(6));
					return LogEvent.at(time, EventKind.TRAFFIC_ALLOWED).sourceAddress(source).target(target);
				}
			}
			case "111008" -> {
				m = EXECUTED.matcher(message);
				if (m.find()) {
					return LogEvent.at(time, EventKind.OTHER)
						.access(Access.DEVICE_ADMIN)
						.user(m.group(1))
						.target(m.group(2));
				}
			}
			case "111010" -> {
				m = EXECUTED_FROM.matcher(message);
				if (m.find()) {
					return LogEvent.at(time, EventKind.OTHER)
						.access(Access.DEVICE_ADMIN)
						.user(m.group(1))
						.process(m.group(2))
						.sourceAddress(m.group(3))
						.target(m.group(4));
				}
			}
			case "611101", "611102" -> {
				m = USER_AUTH.matcher(message);
				if (m.find()) {
					boolean ok = "succeeded".equals(m.group(1));
					return LogEvent.at(time, ok ? EventKind.AUTH_SUCCESS : EventKind.AUTH_FAILURE)
						.access(Access.DEVICE_ADMIN)
						.user(m.group(3))
						.sourceAddress(m.group(2));
				}
			}
			case "611103" -> {
				m = LOGGED_OUT.matcher(message);
				if (m.find()) {
					return LogEvent.at(time, EventKind.SESSION_END).access(Access.DEVICE_ADMIN).user(m.group(1));
				}
			}
			default -> {
				// every other message id is kept as OTHER below
			}
		}
		data.put("message", message.length() > 300 ? message.substring(0, 300) : message);
		return LogEvent.at(time, EventKind.OTHER);
	}

	private static String endpoint(String address, String port) {
		if (port == null) {
			return address;
		}
		return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
	}

	/** The first time in the text before the ASA tag, or null. */
	private static Instant time(String prefix, ParseContext context, int[] end) {
		int i = 0;
		if (prefix.startsWith("<")) {
			int close = prefix.indexOf('>');
			if (close > 0 && close < 5) {
				i = close + 1;
			}
		}
		while (i < prefix.length() && prefix.charAt(i) == ' ') {
			i++;
		}
		if (i >= prefix.length()) {
			return null;
		}
		if (Character.isDigit(prefix.charAt(i))) {
			return LogTimes.iso(prefix, i, true, context.zone(), end);
		}
		return SyslogHeader.bsdTime(prefix, i, context, end);
	}

	/** The device name after the time: the first token that is not a colon or a month. */
	private static String host(String prefix, int from) {
		int i = from;
		while (i < prefix.length() && (prefix.charAt(i) == ' ' || prefix.charAt(i) == ':')) {
			i++;
		}
		int end = i;
		while (end < prefix.length() && prefix.charAt(end) != ' ') {
			end++;
		}
		if (end == i) {
			return null;
		}
		String token = prefix.substring(i, end);
		if (token.endsWith(":")) {
			token = token.substring(0, token.length() - 1);
		}
		if (token.length() == 3 && LogTimes.month(token, 0) > 0) {
			return null;
		}
		return token.isEmpty() ? null : token;
	}

}
