package jp.mamori.assessment.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jp.mamori.assessment.AnswerCommand;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.InvalidInputException;

/**
 * One row as posted from the checklist page; dates arrive as text from
 * {@code <input type="date">}.
 */
record AnswerForm(String answer, String checkedOn, String targetDate, String note, Integer version) {

	AnswerCommand toCommand() {
		List<FieldViolation> violations = new ArrayList<>();
		LocalDate checked = date("checkedOn", checkedOn, "確認日", violations);
		LocalDate target = date("targetDate", targetDate, "目標日", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return new AnswerCommand(answer == null || answer.isBlank() ? null : answer, checked, target, note, version);
	}

	private static LocalDate date(String field, String text, String label, List<FieldViolation> violations) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip().replace('/', '-'));
		}
		catch (DateTimeParseException ex) {
			violations.add(new FieldViolation(field, label + "の形式が正しくありません（例: 2025-06-01）"));
			return null;
		}
	}

}
