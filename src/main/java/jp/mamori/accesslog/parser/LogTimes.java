package jp.mamori.accesslog.parser;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time stamps text logs write, read by hand:
 * {@link java.time.format.DateTimeFormatter} would do, but a log of 500 MB has millions
 * of them and the hand-written readers are several times faster and return null instead
 * of throwing for a bad stamp (a bad record is skipped, never an exception).
 */
final class LogTimes {

	private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

	private LogTimes() {
	}

	/** The month (1–12) of an English three-letter abbreviation at {@code at}, or 0. */
	static int month(CharSequence text, int at) {
		if (at < 0 || at + 3 > text.length()) {
			return 0;
		}
		char a = Character.toUpperCase(text.charAt(at));
		char b = Character.toLowerCase(text.charAt(at + 1));
		char c = Character.toLowerCase(text.charAt(at + 2));
		for (int i = 0; i < 12; i++) {
			if (MONTHS.charAt(i * 3) == a && MONTHS.charAt(i * 3 + 1) == b && MONTHS.charAt(i * 3 + 2) == c) {
				return i + 1;
			}
		}
		return 0;
	}

	/**
	 * The year of a date written without one (RFC 3164 syslog): the reference year,
	 * unless the month is later than the reference month, then the year before (a file
	 * read in January holds December's lines of the previous year).
	 */
	static int inferYear(int month, LocalDate reference) {
		return month > reference.getMonthValue() ? reference.getYear() - 1 : reference.getYear();
	}

	/** The digits at {@code from} (exactly {@code count} of them) as a number, or -1. */
	static int digits(CharSequence text, int from, int count) {
		if (from < 0 || from + count > text.length()) {
			return -1;
		}
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	/** The instant of a local date and time in a zone, or null when it is not a date. */
	static Instant instant(int year, int month, int day, int hour, int minute, int second, int nanos, ZoneId zone) {
		try {
			return LocalDateTime.of(year, month, day, hour, minute, second, nanos).atZone(zone).toInstant();
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * Reads {@code HH:mm:ss} at {@code at} into {@code into[0..2]}; returns the index
	 * after it or -1.
	 */
	static int clock(CharSequence text, int at, int[] into) {
		int hour = digits(text, at, 2);
		int minute = digits(text, at + 3, 2);
		int second = digits(text, at + 6, 2);
		if (hour < 0 || minute < 0 || second < 0 || text.charAt(at + 2) != ':' || text.charAt(at + 5) != ':') {
			return -1;
		}
		into[0] = hour;
		into[1] = minute;
		into[2] = second;
		return at + 8;
	}

	/**
	 * The nanoseconds of a fraction ({@code .123}, {@code ,123456}) at {@code at}, into
	 * {@code into[0]}; returns the index after it (at itself when there is none).
	 */
	static int fraction(CharSequence text, int at, int[] into) {
		into[0] = 0;
		if (at >= text.length() || (text.charAt(at) != '.' && text.charAt(at) != ',')) {
			return at;
		}
		int i = at + 1;
		int nanos = 0;
		int scale = 100_000_000;
		while (i < text.length() && Character.isDigit(text.charAt(i))) {
			nanos += (text.charAt(i) - '0') * scale;
			scale /= 10;
			i++;
		}
		if (i == at + 1) {
			return at;
		}
		into[0] = nanos;
		return i;
	}

	/**
	 * An ISO-8601 stamp at the start of {@code text} ({@code 2025-06-15T09:00:00},
	 * optional fraction, {@code Z}, {@code +09:00} or {@code +0900}; a space instead of
	 * {@code T} when {@code allowSpace}); naive stamps are read in {@code zone}. Returns
	 * null when the text does not start with one; {@code end[0]} receives the index after
	 * it.
	 */
	static Instant iso(CharSequence text, int at, boolean allowSpace, ZoneId zone, int[] end) {
		int year = digits(text, at, 4);
		int month = digits(text, at + 5, 2);
		int day = digits(text, at + 8, 2);
		if (year < 0 || month < 0 || day < 0 || text.charAt(at + 4) != '-' || text.charAt(at + 7) != '-'
				|| text.length() < at + 19) {
			return null;
		}
		char separator = text.charAt(at + 10);
		if (separator != 'T' && !(allowSpace && separator == ' ')) {
			return null;
		}
		int[] hms = new int[3];
		int i = clock(text, at + 11, hms);
		if (i < 0) {
			return null;
		}
		int[] nanos = new int[1];
		i = fraction(text, i, nanos);
		ZoneId effective = zone;
		if (i < text.length()) {
			char c = text.charAt(i);
			if (c == 'Z' || c == 'z') {
				effective = ZoneOffset.UTC;
				i++;
			}
			else if (c == '+' || c == '-') {
				int hours = digits(text, i + 1, 2);
				int minutesAt = i + 3 < text.length() && text.charAt(i + 3) == ':' ? i + 4 : i + 3;
				int minutes = digits(text, minutesAt, 2);
				if (hours >= 0 && minutes >= 0 && hours <= 18) {
					int seconds = (hours * 3600 + minutes * 60) * (c == '-' ? -1 : 1);
					effective = ZoneOffset.ofTotalSeconds(seconds);
					i = minutesAt + 2;
				}
			}
		}
		end[0] = i;
		return instant(year, month, day, hms[0], hms[1], hms[2], nanos[0], effective);
	}

	/**
	 * A numeric offset {@code +0300}, {@code -05:00}, {@code +09}; null when it is not
	 * one.
	 */
	static ZoneOffset offset(String written) {
		if (written == null) {
			return null;
		}
		String s = written.strip();
		if (s.length() < 3 || (s.charAt(0) != '+' && s.charAt(0) != '-')) {
			return "Z".equalsIgnoreCase(s) ? ZoneOffset.UTC : null;
		}
		int hours = digits(s, 1, 2);
		int minutes = 0;
		if (s.length() >= 5) {
			minutes = digits(s, s.charAt(3) == ':' ? 4 : 3, 2);
		}
		if (hours < 0 || minutes < 0 || hours > 18) {
			return null;
		}
		try {
			return ZoneOffset.ofTotalSeconds((hours * 3600 + minutes * 60) * (s.charAt(0) == '-' ? -1 : 1));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
