package jp.mamori.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date written in 和暦 as Japanese forms print it: 令和7年4月1日, with the first year of an
 * era as 元年 (令和元年5月1日). Eras come from {@link JapaneseChronology}, so 平成31年4月30日 is
 * followed by 令和元年5月1日. (Named WarekiDate because {@code java.time.chrono.JapaneseDate}
 * already exists.)
 */
public record WarekiDate(LocalDate date) {

	private static final Pattern WAREKI = Pattern
		.compile("^\\s*(明治|大正|昭和|平成|令和)\\s*(元|\\d{1,2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*$");

	public WarekiDate {
		Objects.requireNonNull(date, "date");
		if (date.isBefore(LocalDate.of(1873, 1, 1))) {
			throw new BadInputException("和暦で表せない日付です: " + date);
		}
	}

	public static WarekiDate of(LocalDate date) {
		return new WarekiDate(date);
	}

	/**
	 * Formats a date, or returns an empty string for {@code null} (blank cells on forms).
	 */
	public static String format(LocalDate date) {
		return date == null ? "" : of(date).toString();
	}

	/** Parses 令和7年4月1日 or 令和元年5月1日; a wrong era/date gives a Japanese message. */
	public static WarekiDate parse(String text) {
		Matcher m = WAREKI.matcher(text == null ? "" : text);
		if (!m.matches()) {
			throw new BadInputException("和暦の日付として読めません（例: 令和7年4月1日）: " + text);
		}
		JapaneseEra era = eraNamed(m.group(1));
		int yearOfEra = "元".equals(m.group(2)) ? 1 : Integer.parseInt(m.group(2));
		try {
			JapaneseDate jd = JapaneseChronology.INSTANCE.date(era, yearOfEra, Integer.parseInt(m.group(3)),
					Integer.parseInt(m.group(4)));
			return new WarekiDate(LocalDate.from(jd));
		}
		catch (DateTimeException ex) {
			throw new BadInputException("存在しない日付です: " + text, ex);
		}
	}

	private static JapaneseEra eraNamed(String name) {
		for (JapaneseEra era : JapaneseEra.values()) {
			if (era.getDisplayName(java.time.format.TextStyle.FULL, Locale.JAPAN).equals(name)) {
				return era;
			}
		}
		throw new BadInputException("元号が読めません: " + name);
	}

	public String eraName() {
		return JapaneseDate.from(date).getEra().getDisplayName(java.time.format.TextStyle.FULL, Locale.JAPAN);
	}

	public int yearOfEra() {
		return JapaneseDate.from(date).get(ChronoField.YEAR_OF_ERA);
	}

	/** 令和7年 / 令和元年. */
	public String eraYear() {
		int year = yearOfEra();
		return eraName() + (year == 1 ? "元" : Integer.toString(year)) + "年";
	}

	@Override
	public String toString() {
		return eraYear() + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

}
