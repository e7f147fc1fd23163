package jp.mamori.shared;

import java.time.LocalDate;
import java.time.Month;

/**
 * A Japanese fiscal year (年度): April 1 to March 31 of the next calendar year.
 * {@code FiscalYear(2025)} is 令和7年度, from 2025-04-01 to 2026-03-31.
 */
public record FiscalYear(int startYear) implements Comparable<FiscalYear> {

	public FiscalYear {
		if (startYear < 1989 || startYear > 2200) {
			throw new BadInputException("年度が範囲外です: " + startYear);
		}
	}

	public static FiscalYear of(int startYear) {
		return new FiscalYear(startYear);
	}

	/**
	 * The fiscal year a date falls in: before April it belongs to the previous year's 年度.
	 */
	public static FiscalYear containing(LocalDate date) {
		return new FiscalYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
	}

	public LocalDate firstDay() {
		return LocalDate.of(startYear, Month.APRIL, 1);
	}

	public LocalDate lastDay() {
		return LocalDate.of(startYear + 1, Month.MARCH, 31);
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
	}

	public FiscalYear previous() {
		return new FiscalYear(startYear - 1);
	}

	public FiscalYear next() {
		return new FiscalYear(startYear + 1);
	}

	/**
	 * 和暦 label as printed on forms, e.g. 令和7年度 (named by the era in force on April 1).
	 */
	public String japaneseLabel() {
		return WarekiDate.of(firstDay()).eraYear() + "度";
	}

	@Override
	public int compareTo(FiscalYear other) {
		return Integer.compare(startYear, other.startYear);
	}

	@Override
	public String toString() {
		return japaneseLabel();
	}

}
