package jp.mamori.vendorportal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.mamori.catalog.CatalogItem;
import jp.mamori.catalog.ChecklistForm;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.InvalidInputException;

/**
 * The rules every 事業者確認用 answer follows, whether for a client's request, for a product
 * (shared with many clients) or read from an Excel form: each row はい or いいえ, いいえ with a
 * 目標日 (within the 年度 when there is one), 備考 up to 2000 characters.
 */
final class AnswerRules {

	static final int MAX_TEXT = 2000;

	private AnswerRules() {
	}

	/**
	 * The cleaned rows in form order.
	 * @param year the 年度 the 目標日 must fall in, or null when the answer is not tied to one
	 * (a product answer)
	 * @throws InvalidInputException listing every row at fault
	 */
	static List<VendorAnswer> check(ChecklistForm form, Map<String, VendorAnswer> answers, FiscalYear year) {
		List<FieldViolation> violations = new ArrayList<>();
		List<VendorAnswer> rows = new ArrayList<>();
		for (CatalogItem item : form.items()) {
			VendorAnswer given = answers.get(item.id());
			String value = given == null ? null : given.answer();
			if (!"yes".equals(value) && !"no".equals(value)) {
				violations.add(new FieldViolation("answer-" + item.id(), item.label() + ": はい／いいえを選んでください"));
				continue;
			}
			LocalDate target = "no".equals(value) ? given.targetDate() : null;
			if ("no".equals(value) && target == null && year == null) {
				violations.add(new FieldViolation("targetDate-" + item.id(), item.label() + ": 「いいえ」の場合は目標日を入力してください"));
			}
			else if ("no".equals(value) && year != null && (target == null || !year.contains(target))) {
				violations.add(new FieldViolation("targetDate-" + item.id(),
						item.label() + ": 「いいえ」の場合は" + year.japaneseLabel() + "内の目標日を入力してください"));
			}
			String note = given.note() == null || given.note().isBlank() ? null : given.note().strip();
			if (note != null && note.length() > MAX_TEXT) {
				violations.add(new FieldViolation("note-" + item.id(), item.label() + ": 備考は2000文字以内にしてください"));
			}
			rows.add(new VendorAnswer(item.id(), value, target, note, given.productId(), given.adjusted()));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return rows;
	}

}
