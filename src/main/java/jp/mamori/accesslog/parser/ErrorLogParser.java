package jp.mamori.accesslog.parser;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web server error logs, recognised as such so that they are never read as access logs:
 * <ul>
 * <li>Apache 2.2:
 * {@code [Sun Dec 04 04:47:44 2005] [error] [client 1.2.3.4] message};</li>
 * <li>Apache 2.4: {@code [Sun Dec 04 04:47:44.123456 2005] [core:error] [pid 1:tid 2]
 * [client 1.2.3.4:5] AH00126: message};</li>
 * <li>nginx:
 * {@code 2025/06/15 09:00:00 [error] 12#12: *1 message, client: 1.2.3.4, …};</li>
 * <li>Tomcat (catalina, OneLineFormatter): {@code 15-Jun-2025 09:00:00.123 SEVERE [main]
 * org.apache… message}.</li>
 * </ul>
 * Times are local, read in {@link ParseContext#zone()}. Every record is an
 * {@link EventKind#ERROR} with the level as status and the client as source. Continuation
 * lines (stack traces) belong to the record before and are neither events nor skipped.
 */
public final class ErrorLogParser extends TextLogParser {

	/** The note every parse adds: the user uploaded an error log, not an access log. */
	static final String NOTE = "エラーログとして読み込みました（アクセスログではありません）";

	private static final Pattern APACHE = Pattern.compile(
			"^\\[(?:\\w{3} )?(\\w{3}) (\\d{1,2}) (\\d{2}:\\d{2}:\\d{2})(\\.\\d+)? (\\d{4})\\] \\[(?:([\\w-]+):)?(\\w+)\\](.*)$");

	private static final Pattern APACHE_CLIENT = Pattern.compile("\\[(?:client|remote) ([^\\]\\s]+)\\]");

	private static final Pattern APACHE_CODE = Pattern.compile("\\b(AH\\d{5}):");

	private static final Pattern NGINX = Pattern
		.compile("^(\\d{4})/(\\d{2})/(\\d{2}) (\\d{2}:\\d{2}:\\d{2}) \\[(\\w+)\\] (\\d+)#(\\d+): (.*)$");

	private static final Pattern NGINX_CLIENT = Pattern.compile(", client: ([^,\\s]+)");

	private static final Pattern TOMCAT = Pattern
		.compile("^(\\d{2})-(\\w{3})-(\\d{4}) (\\d{2}:\\d{2}:\\d{2})(\\.\\d+)? ([A-Z]+) \\[([^\\]]*)\\] (\\S+) ?(.*)$");

	@Override
	public LogFormat format() {
		return LogFormat.ERROR_LOG;
	}

	/** Whether a line is an error log record. */
	static boolean looksLike(String line) {
		return APACHE.matcher(line).matches() || NGINX.matcher(line).matches() || TOMCAT.matcher(line).matches();
	}

	@Override
	public int detect(LogSample sample) {
		double share = SampleLines.share(SampleLines.records(sample), ErrorLogParser::looksLike);
		return SampleLines.score(share, 0.3, 75, 92);
	}

	@Override
	protected Lines lines(ParseContext context, ParseStats stats) {
		stats.note(NOTE);
		return (line, number, truncated) -> read(line, number, context);
	}

	private LogEvent read(String line, long number, ParseContext context) {
		if (Character.isWhitespace(line.charAt(0)) || line.startsWith("Caused by:") || line.startsWith("at ")) {
			return NOT_A_RECORD;
		}
		Map<String, String> data = new LinkedHashMap<>();
		Matcher m = APACHE.matcher(line);
		if (m.matches()) {
			Instant time = instant(Integer.parseInt(m.group(5)), LogTimes.month(m.group(1), 0), m.group(2), m.group(3),
					m.group(4), context);
			if (time == null) {
				return null;
			}
			String rest = m.group(8);
			Matcher client = APACHE_CLIENT.matcher(rest);
			Matcher code = APACHE_CODE.matcher(rest);
			if (m.group(6) != null) {
				data.put("module", m.group(6));
			}
			data.put("message", cap(stripBrackets(rest)));
			return event(time, "apache", m.group(7), client.find() ? withoutPort(client.group(1)) : null,
					code.find() ? code.group(1) : null, number, data);
		}
		m = NGINX.matcher(line);
		if (m.matches()) {
			Instant time = instant(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), m.group(4),
					null, context);
			if (time == null) {
				return null;
			}
			data.put("pid", m.group(6));
			data.put("message", cap(m.group(8)));
			Matcher client = NGINX_CLIENT.matcher(m.group(8));
			return event(time, "nginx", m.group(5), client.find() ? client.group(1) : null, null, number, data);
		}
		m = TOMCAT.matcher(line);
		if (m.matches()) {
			Instant time = instant(Integer.parseInt(m.group(3)), LogTimes.month(m.group(2), 0), m.group(1), m.group(4),
					m.group(5), context);
			if (time == null) {
				return null;
			}
			data.put("thread", m.group(7));
			data.put("logger", m.group(8));
			data.put("message", cap(m.group(9)));
			return event(time, "tomcat", m.group(6), null, null, number, data);
		}
		return null;
	}

	private static LogEvent event(Instant time, String channel, String level, String client, String code, long number,
			Map<String, String> data) {
		return LogEvent.at(time, EventKind.ERROR)
			.channel(channel)
			.status(level)
			.eventId(code)
			.sourceAddress(client != null && Addresses.looksLikeAddress(client) ? client : null)
			.recordNumber(number)
			.data(Collections.unmodifiableMap(data))
			.build();
	}

	private static Instant instant(int year, int month, String day, String clock, String fraction,
			ParseContext context) {
		int[] hms = new int[3];
		if (month == 0 || LogTimes.clock(clock, 0, hms) < 0) {
			return null;
		}
		int[] nanos = new int[1];
		if (fraction != null) {
			LogTimes.fraction(fraction, 0, nanos);
		}
		return LogTimes.instant(year, month, Integer.parseInt(day), hms[0], hms[1], hms[2], nanos[0], context.zone());
	}

	/** {@code 1.2.3.4:5678} → {@code 1.2.3.4}; IPv6 clients keep their colons. */
	private static String withoutPort(String client) {
		int colon = client.lastIndexOf(':');
		if (colon > 0 && client.indexOf(':') == colon) {
			return client.substring(0, colon);
		}
		return client;
	}

	/** The message without Apache 2.4's leading {@code [pid …] [client …]} fields. */
	private static String stripBrackets(String rest) {
		String text = rest.strip();
		while (text.startsWith("[")) {
			int close = text.indexOf(']');
			if (close < 0) {
				break;
			}
			text = text.substring(close + 1).strip();
		}
		return text;
	}

	private static String cap(String value) {
		return value.length() <= 500 ? value : value.substring(0, 500);
	}

}
