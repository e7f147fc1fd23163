package jp.mamori.audit.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jp.mamori.audit.AuditFilter;
import jp.mamori.shared.BadInputException;

/** The filter as typed: dates as {@code yyyy-MM-dd} (Japan time), all optional. */
record AuditFilterForm(String from, String to, String actor, String action, String q) {

	static AuditFilterForm empty() {
		return new AuditFilterForm(null, null, null, null, null);
	}

	AuditFilter toFilter() {
		return new AuditFilter(date(from, "開始日"), date(to, "終了日"), actor, action, q);
	}

	private static LocalDate date(String text, String name) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadInputException(name + "は 2025-06-01 の形式で指定してください: " + text);
		}
	}

}
