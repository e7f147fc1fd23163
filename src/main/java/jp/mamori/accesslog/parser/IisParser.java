package jp.mamori.accesslog.parser;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * IIS logs in W3C extended format ({@code #Software: Microsoft Internet Information
 * Services}, {@code #Fields: date time s-ip cs-method cs-uri-stem …}). The
 * {@code #Fields} line may repeat mid-file with other columns; each one applies to the
 * lines after it. IIS writes W3C times in UTC. Every line is a
 * {@link EventKind#WEB_REQUEST}: source c-ip, user cs-username, process cs-method, target
 * cs-uri-stem (query in data {@code query}), event id and status sc-status, host
 * s-computername or s-ip.
 */
public final class IisParser extends TextLogParser {

	/** IIS's default columns, for a file cut before its first {@code #Fields}. */
	private static final String DEFAULT_FIELDS = "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken";

	@Override
	public LogFormat format() {
		return LogFormat.IIS;
	}

	@Override
	public int detect(LogSample sample) {
		String head = sample.text();
		if (head.contains("#Software: Microsoft Internet Information Services")) {
			return 95;
		}
		if (head.contains("#Fields:") && head.contains("cs-uri-stem")) {
			return 90;
		}
		return 0;
	}

	@Override
	protected Lines lines(ParseContext context, ParseStats stats) {
		W3cFields fields = new W3cFields(DEFAULT_FIELDS);
		return (line, number, truncated) -> {
			if (line.startsWith("#")) {
				fields.directive(line);
				return NOT_A_RECORD;
			}
			String[] values = fields.split(line);
			if (values == null) {
				return null;
			}
			Instant time = fields.time(values, ZoneOffset.UTC);
			String status = fields.get(values, "sc-status");
			if (time == null || (status != null && LogTimes.digits(status, 0, status.length()) < 0)) {
				return null;
			}
			Map<String, String> data = new LinkedHashMap<>();
			put(data, "query", fields.get(values, "cs-uri-query"));
			put(data, "substatus", fields.get(values, "sc-substatus"));
			put(data, "win32Status", fields.get(values, "sc-win32-status"));
			put(data, "port", fields.get(values, "s-port"));
			put(data, "site", fields.get(values, "s-sitename"));
			put(data, "userAgent", cap(fields.get(values, "cs(user-agent)")));
			put(data, "referer", cap(fields.get(values, "cs(referer)")));
			put(data, "timeTaken", fields.get(values, "time-taken"));
			String host = fields.get(values, "s-computername");
			return LogEvent.at(time, EventKind.WEB_REQUEST)
				.access(Access.WEB)
				.channel("http")
				.host(host != null ? host : fields.get(values, "s-ip"))
				.eventId(status)
				.status(status)
				.sourceAddress(fields.get(values, "c-ip"))
				.user(fields.get(values, "cs-username"))
				.process(fields.get(values, "cs-method"))
				.target(cap(fields.get(values, "cs-uri-stem")))
				.recordNumber(number)
				.data(Collections.unmodifiableMap(data))
				.build();
		};
	}

	private static String cap(String value) {
		return value == null || value.length() <= 1000 ? value : value.substring(0, 1000);
	}

	private static void put(Map<String, String> data, String key, String value) {
		if (value != null) {
			data.put(key, value);
		}
	}

}
