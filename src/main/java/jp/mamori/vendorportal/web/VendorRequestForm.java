package jp.mamori.vendorportal.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.mamori.catalog.CatalogItem;
import jp.mamori.catalog.ChecklistForm;
import jp.mamori.vendorportal.VendorAnswer;

/**
 * Reads the vendor's answer page ({@code answer-ID}, {@code targetDate-ID},
 * {@code note-ID} per row) into answers by row id; an unreadable date stays empty and is
 * then reported by the use case.
 */
final class VendorRequestForm {

	private VendorRequestForm() {
	}

	static Map<String, VendorAnswer> read(ChecklistForm form, Map<String, String> params) {
		Map<String, VendorAnswer> answers = new LinkedHashMap<>();
		for (CatalogItem item : form.items()) {
			String answer = params.get("answer-" + item.id());
			if (answer == null) {
				continue;
			}
			answers.put(item.id(), new VendorAnswer(item.id(), answer, date(params.get("targetDate-" + item.id())),
					params.get("note-" + item.id())));
		}
		return answers;
	}

	/** A date typed as yyyy-mm-dd; null when blank or not a date. */
	static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
