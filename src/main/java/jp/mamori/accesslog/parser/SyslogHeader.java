package jp.mamori.accesslog.parser;

import java.time.Instant;

/**
 * The header of one syslog line, shared by the syslog-based formats (Linux, FortiGate
 * forwarded, Cisco ASA, YAMAHA RTX). Reads, each with an optional {@code <PRI>}:
 * <ul>
 * <li>RFC 3164: {@code Dec 10 06:55:46 host prog[pid]: message}; the year is not written
 * and is inferred from {@link ParseContext#referenceDate()} (see
 * {@link LogTimes#inferYear}); the time is in {@link ParseContext#zone()}. A year after
 * the day ({@code Jun 15 2025 09:00:00}, the Cisco ASA stamp) is read too;</li>
 * <li>RFC 5424:
 * {@code <34>1 2025-06-15T09:00:00+09:00 host app procid msgid [sd] msg};</li>
 * <li>an ISO time instead of the RFC 3164 one (rsyslog's RFC 3339 template, journalctl
 * {@code short-iso}): {@code 2025-06-15T09:00:00+09:00 host prog[pid]: message}.</li>
 * </ul>
 * The host is absent when the token after the time already ends with a colon (a tag such
 * as {@code sshd[1]:} or {@code %ASA-6-605005:}).
 * <p>
 * Read by hand rather than with a syslog library: those read messages off the network and
 * do not infer the year of a file's RFC 3164 lines, nor accept the Cisco and ISO variants
 * seen in files; this reader is also what keeps parsing above 100k lines/s.
 *
 * @param time when, UTC
 * @param host the host name or address the header gives, or null
 * @param program the tag (program name) without pid and colon, or null
 * @param pid the process id of the tag, or null
 * @param message the rest of the line after the tag (or after the host when there is no
 * tag)
 * @param priority the {@code <PRI>} value, or -1
 */
record SyslogHeader(Instant time, String host, String program, String pid, String message, int priority) {

	/** The text after the host: the tag (as written) and the message. */
	String afterHost() {
		if (program == null) {
			return message;
		}
		return program + (pid == null ? "" : "[" + pid + "]") + ": " + message;
	}

	/** The header of a line, or null when the line does not start with one. */
	static SyslogHeader parse(String line, ParseContext context) {
		int i = 0;
		int priority = -1;
		int length = line.length();
		if (length > 2 && line.charAt(0) == '<') {
			int close = line.indexOf('>');
			if (close < 2 || close > 4) {
				return null;
			}
			priority = LogTimes.digits(line, 1, close - 1);
			if (priority < 0) {
				return null;
			}
			i = close + 1;
		}
		// RFC 5424: a version digit, a space, an ISO time
		if (i + 2 < length && Character.isDigit(line.charAt(i)) && line.charAt(i + 1) == ' ') {
			return rfc5424(line, i + 2, priority, context);
		}
		int[] end = new int[1];
		Instant time;
		if (i < length && Character.isDigit(line.charAt(i))) {
			time = LogTimes.iso(line, i, false, context.zone(), end);
		}
		else {
			time = bsdTime(line, i, context, end);
		}
		if (time == null) {
			return null;
		}
		i = end[0];
		if (i < length && line.charAt(i) == ':') {
			// "Jun 15 2025 09:00:00: %ASA-…" (no device id)
			i++;
		}
		return hostAndTag(line, i, time, priority);
	}

	/**
	 * An RFC 3164 time ({@code Mmm dd HH:mm:ss}, optional year after the day, optional
	 * fraction) at {@code at}, or null; {@code end[0]} receives the index after it.
	 */
	static Instant bsdTime(String line, int at, ParseContext context, int[] end) {
		int month = LogTimes.month(line, at);
		if (month == 0 || at + 3 >= line.length() || line.charAt(at + 3) != ' ') {
			return null;
		}
		int i = at + 4;
		if (i < line.length() && line.charAt(i) == ' ') {
			i++; // "Dec 4": the day is space-padded
		}
		int day = LogTimes.digits(line, i, 2);
		if (day < 0) {
			day = LogTimes.digits(line, i, 1);
			i += 1;
		}
		else {
			i += 2;
		}
		if (day < 1 || i >= line.length() || line.charAt(i) != ' ') {
			return null;
		}
		i++;
		int year = -1;
		if (LogTimes.digits(line, i, 4) >= 0 && i + 4 < line.length() && line.charAt(i + 4) == ' ') {
			year = LogTimes.digits(line, i, 4);
			i += 5;
		}
		int[] hms = new int[3];
		i = LogTimes.clock(line, i, hms);
		if (i < 0) {
			return null;
		}
		int[] nanos = new int[1];
		i = LogTimes.fraction(line, i, nanos);
		if (year < 0) {
			year = LogTimes.inferYear(month, context.referenceDate());
		}
		end[0] = i;
		return LogTimes.instant(year, month, day, hms[0], hms[1], hms[2], nanos[0], context.zone());
	}

	private static SyslogHeader rfc5424(String line, int at, int priority, ParseContext context) {
		int[] end = new int[1];
		Instant time = LogTimes.iso(line, at, false, context.zone(), end);
		if (time == null) {
			return null;
		}
		String[] fields = new String[4]; // host, app, procid, msgid
		int i = end[0];
		for (int f = 0; f < fields.length; f++) {
			if (i >= line.length() || line.charAt(i) != ' ') {
				return null;
			}
			int next = line.indexOf(' ', i + 1);
			if (next < 0) {
				next = line.length();
			}
			String value = line.substring(i + 1, next);
			fields[f] = "-".equals(value) ? null : value;
			i = next;
		}
		// structured data: "-" or one or more [id k="v" …] elements
		if (i < line.length()) {
			i++;
			if (i < line.length() && line.charAt(i) == '-') {
				i++;
			}
			else {
				while (i < line.length() && line.charAt(i) == '[') {
					int close = closingBracket(line, i);
					if (close < 0) {
						return null;
					}
					i = close + 1;
				}
			}
		}
		String message = i < line.length() ? line.substring(i).strip() : "";
		if (message.startsWith("\uFEFF")) {
			message = message.substring(1);
		}
		return new SyslogHeader(time, fields[0], fields[1], fields[2], message, priority);
	}

	private static int closingBracket(String line, int open) {
		boolean quoted = false;
		for (int i = open + 1; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ']' && !quoted) {
				return i;
			}
		}
		return -1;
	}

	private static SyslogHeader hostAndTag(String line, int at, Instant time, int priority) {
		int i = at;
		while (i < line.length() && line.charAt(i) == ' ') {
			i++;
		}
		String host = null;
		int tokenEnd = tokenEnd(line, i);
		if (tokenEnd > i && line.charAt(tokenEnd - 1) != ':') {
			host = line.substring(i, tokenEnd);
			i = tokenEnd;
			while (i < line.length() && line.charAt(i) == ' ') {
				i++;
			}
			tokenEnd = tokenEnd(line, i);
		}
		String program = null;
		String pid = null;
		if (tokenEnd > i + 1 && line.charAt(tokenEnd - 1) == ':') {
			String tag = line.substring(i, tokenEnd - 1);
			int open = tag.indexOf('[');
			if (open > 0 && tag.endsWith("]")) {
				pid = tag.substring(open + 1, tag.length() - 1);
				tag = tag.substring(0, open);
			}
			program = tag;
			i = tokenEnd;
		}
		String message = i < line.length() ? line.substring(i).strip() : "";
		return new SyslogHeader(time, host, program, pid, message, priority);
	}

	private static int tokenEnd(String line, int from) {
		int i = from;
		while (i < line.length() && line.charAt(i) != ' ') {
			i++;
		}
		return i;
	}

}
