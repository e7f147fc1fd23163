package jp.mamori.accesslog.parser;

import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Apache / Nginx / Tomcat access logs in the common and combined log formats:
 * {@code 192.168.105.83 - admin [11/Jul/2018:08:41:28 +0300] "GET /x HTTP/1.1" 200 11230
 * "referer" "user agent"} (further fields after those are ignored). Clients may be IPv6;
 * the size may be {@code -}. The file is read as ISO-8859-1 so that a request line with
 * raw non-ASCII bytes (scanners send TLS handshakes to HTTP ports) is still one line.
 * <p>
 * Every line is a {@link EventKind#WEB_REQUEST}: source = client, user = authuser,
 * process = method, target = path (query in data {@code query}), event id and status =
 * HTTP status. A line that is not CLF is skipped, and so is a line whose request is a
 * dash (the server received no request line at all: there is no method or path to
 * analyse). A request that is not {@code METHOD target HTTP/x} (GNUTELLA probes, TLS
 * bytes) is kept, with the raw request in data {@code request}.
 */
public final class ClfParser extends TextLogParser {

	@Override
	public LogFormat format() {
		return LogFormat.CLF;
	}

	@Override
	public int detect(LogSample sample) {
		double share = SampleLines.share(SampleLines.records(sample), line -> read(line, 0, ZoneOffset.UTC) != null);
		return SampleLines.score(share, 0.5, 60, 88);
	}

	/** Whether a line is a CLF record, for the other detectors. */
	static boolean looksLike(String line) {
		return read(line, 0, ZoneOffset.UTC) != null;
	}

	@Override
	protected LineReader open(InputStream in) {
		return LineReader.latin1(in);
	}

	@Override
	protected Lines lines(ParseContext context, ParseStats stats) {
		return (line, number, truncated) -> read(line, number, context.zone());
	}

	private static LogEvent read(String line, long number, ZoneId zone) {
		int firstSpace = line.indexOf(' ');
		int secondSpace = firstSpace < 0 ? -1 : line.indexOf(' ', firstSpace + 1);
		int open = secondSpace < 0 ? -1 : line.indexOf(" [", secondSpace);
		if (firstSpace <= 0 || secondSpace < 0 || open < 0) {
			return null;
		}
		String client = line.substring(0, firstSpace);
		String user = line.substring(secondSpace + 1, open);
		int close = line.indexOf(']', open);
		if (close < 0 || close + 2 >= line.length() || line.charAt(close + 1) != ' ' || line.charAt(close + 2) != '"') {
			return null;
		}
		Instant time = time(line, open + 2, close, zone);
		if (time == null) {
			return null;
		}
		int requestStart = close + 3;
		int requestEnd = statusQuote(line, requestStart);
		if (requestEnd < 0) {
			return null;
		}
		String request = line.substring(requestStart, requestEnd);
		String status = line.substring(requestEnd + 2, requestEnd + 5);
		if ("-".equals(request.strip())) {
			return null;
		}
		int sizeStart = requestEnd + 6;
		int sizeEnd = sizeStart;
		while (sizeEnd < line.length() && line.charAt(sizeEnd) != ' ') {
			sizeEnd++;
		}
		String size = sizeStart < line.length() ? line.substring(sizeStart, sizeEnd) : null;
		if (size != null && !"-".equals(size) && !isNumber(size)) {
			return null;
		}
		Map<String, String> data = new LinkedHashMap<>();
		String method = null;
		String target = null;
		String[] parts = request.split(" ");
		if (parts.length == 3 && parts[2].startsWith("HTTP/") && isMethod(parts[0])) {
			method = parts[0];
			target = parts[1];
			data.put("protocol", parts[2]);
		}
		else {
			if (parts.length >= 2 && isMethod(parts[0])) {
				method = parts[0];
				target = parts[1];
			}
			data.put("request", cap(request, 300));
		}
		if (target != null) {
			int question = target.indexOf('?');
			if (question >= 0) {
				data.put("query", cap(target.substring(question + 1), 1000));
				target = target.substring(0, question);
			}
			target = cap(target, 1000);
		}
		if (size != null && !"-".equals(size)) {
			data.put("size", size);
		}
		quoted(line, sizeEnd, data);
		return LogEvent.at(time, EventKind.WEB_REQUEST)
			.access(Access.WEB)
			.channel("http")
			.eventId(status)
			.status(status)
			.sourceAddress(client)
			.user(user)
			.process(method)
			.target(target)
			.recordNumber(number)
			.data(Collections.unmodifiableMap(data))
			.build();
	}

	/**
	 * The index of the double quote that ends the request: the first one followed by a
	 * space and a three-digit status.
	 */
	private static int statusQuote(String line, int from) {
		int i = line.indexOf('"', from);
		while (i >= 0) {
			if (i + 5 <= line.length() && line.charAt(i + 1) == ' ' && LogTimes.digits(line, i + 2, 3) >= 0
					&& (i + 5 == line.length() || line.charAt(i + 5) == ' ')) {
				return i;
			}
			i = line.indexOf('"', i + 1);
		}
		return -1;
	}

	/** Referer and user agent of the combined format, when present. */
	private static void quoted(String line, int from, Map<String, String> data) {
		int start = line.indexOf('"', from);
		if (start < 0) {
			return;
		}
		int end = line.indexOf('"', start + 1);
		if (end < 0) {
			return;
		}
		String referer = line.substring(start + 1, end);
		if (!referer.isEmpty() && !"-".equals(referer)) {
			data.put("referer", cap(referer, 500));
		}
		int agentStart = line.indexOf('"', end + 1);
		int agentEnd = agentStart < 0 ? -1 : line.indexOf('"', agentStart + 1);
		if (agentEnd > agentStart) {
			String agent = line.substring(agentStart + 1, agentEnd);
			if (!agent.isEmpty() && !"-".equals(agent)) {
				data.put("userAgent", cap(agent, 500));
			}
		}
	}

	/** {@code 11/Jul/2018:08:41:28 +0300} (offset optional: then in {@code zone}). */
	private static Instant time(String line, int from, int to, ZoneId zone) {
		if (to - from < 20) {
			return null;
		}
		int day = LogTimes.digits(line, from, 2);
		int month = LogTimes.month(line, from + 3);
		int year = LogTimes.digits(line, from + 7, 4);
		int[] hms = new int[3];
		if (day < 0 || month == 0 || year < 0 || line.charAt(from + 2) != '/' || line.charAt(from + 6) != '/'
				|| line.charAt(from + 11) != ':' || LogTimes.clock(line, from + 12, hms) < 0) {
			return null;
		}
		int[] nanos = new int[1];
		int i = LogTimes.fraction(line, from + 20, nanos);
		ZoneId effective = zone;
		if (i < to && line.charAt(i) == ' ') {
			ZoneOffset offset = LogTimes.offset(line.substring(i + 1, to));
			if (offset == null) {
				return null;
			}
			effective = offset;
		}
		return LogTimes.instant(year, month, day, hms[0], hms[1], hms[2], nanos[0], effective);
	}

	private static boolean isMethod(String token) {
		if (token.isEmpty() || token.length() > 20) {
			return false;
		}
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (!(c >= 'A' && c <= 'Z') && c != '-' && c != '_') {
				return false;
			}
		}
		return true;
	}

	private static boolean isNumber(String token) {
		for (int i = 0; i < token.length(); i++) {
			if (!Character.isDigit(token.charAt(i))) {
				return false;
			}
		}
		return !token.isEmpty();
	}

	private static String cap(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max);
	}

}
