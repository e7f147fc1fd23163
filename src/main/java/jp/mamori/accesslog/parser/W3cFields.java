package jp.mamori.accesslog.parser;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a W3C extended log ({@code #Fields: date time …}), shared by IIS and the
 * Windows Firewall log. A file may repeat the directive with other columns (IIS after a
 * restart or a logging change): each {@code #Fields} line replaces the columns.
 */
final class W3cFields {

	private final Map<String, Integer> columns = new HashMap<>();

	private int count;

	private String date;

	W3cFields(String defaults) {
		define(defaults);
	}

	/**
	 * Reads a {@code #} directive: {@code #Fields:} defines the columns, {@code #Date:}
	 * gives the date for files without a {@code date} column.
	 */
	void directive(String line) {
		String lower = line.toLowerCase(Locale.ROOT);
		if (lower.startsWith("#fields:")) {
			define(line.substring("#fields:".length()));
		}
		else if (lower.startsWith("#date:")) {
			String value = line.substring("#date:".length()).strip();
			date = value.length() >= 10 ? value.substring(0, 10) : null;
		}
	}

	private void define(String names) {
		columns.clear();
		String[] split = names.strip().split("\\s+");
		for (int i = 0; i < split.length; i++) {
			columns.putIfAbsent(split[i].toLowerCase(Locale.ROOT), i);
		}
		count = split.length;
	}

	/** The values of a record line, or null when it has fewer columns than defined. */
	String[] split(String line) {
		String[] values = line.strip().split(" ", -1);
		return values.length < count ? null : values;
	}

	/**
	 * The value of a column, null when the column is absent or the value is {@code -}.
	 */
	String get(String[] values, String column) {
		Integer index = columns.get(column);
		if (index == null || index >= values.length) {
			return null;
		}
		String value = values[index];
		return value.isEmpty() || "-".equals(value) ? null : value;
	}

	/** Whether the columns include this one. */
	boolean has(String column) {
		return columns.containsKey(column);
	}

	/** The time of a record from its {@code date} (or {@code #Date}) and {@code time}. */
	Instant time(String[] values, ZoneId zone) {
		String day = get(values, "date");
		if (day == null) {
			day = date;
		}
		String clock = get(values, "time");
		if (day == null || clock == null || day.length() != 10) {
			return null;
		}
		int year = LogTimes.digits(day, 0, 4);
		int month = LogTimes.digits(day, 5, 2);
		int dayOfMonth = LogTimes.digits(day, 8, 2);
		int[] hms = new int[3];
		if (year < 0 || month < 0 || dayOfMonth < 0 || clock.length() < 8 || LogTimes.clock(clock, 0, hms) < 0) {
			return null;
		}
		int[] nanos = new int[1];
		LogTimes.fraction(clock, 8, nanos);
		return LogTimes.instant(year, month, dayOfMonth, hms[0], hms[1], hms[2], nanos[0], zone);
	}

}
