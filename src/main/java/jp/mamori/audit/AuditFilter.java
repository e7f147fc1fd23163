package jp.mamori.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.mamori.shared.BadInputException;

/**
 * What a search of one organisation's trail narrows it to; every part is optional.
 *
 * @param from first day, in Japan time
 * @param to last day (inclusive), in Japan time
 * @param actor exactly this actor
 * @param action an action code, or a prefix of whole segments ({@code assessment} matches
 * {@code assessment.round.submitted})
 * @param text words contained in the target or the detail (case-insensitive)
 */
public record AuditFilter(LocalDate from, LocalDate to, String actor, String action, String text) {

	public AuditFilter {
		actor = stripped(actor, 100, "実行者");
		action = stripped(action, 100, "操作");
		text = stripped(text, 200, "検索文字列");
		if (from != null && to != null && from.isAfter(to)) {
			throw new BadInputException("期間の開始日（" + from + "）が終了日（" + to + "）より後になっています");
		}
	}

	/** The whole trail of the organisation. */
	public static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null);
	}

	/** The conditions in words, for the record of an export. */
	public String summary() {
		List<String> parts = new ArrayList<>();
		if (from != null || to != null) {
			parts.add("期間 " + (from == null ? "" : from) + "～" + (to == null ? "" : to));
		}
		if (actor != null) {
			parts.add("実行者 " + actor);
		}
		if (action != null) {
			parts.add("操作 " + action);
		}
		if (text != null) {
			parts.add("文字列「" + text + "」");
		}
		return parts.isEmpty() ? "条件なし（全件）" : "条件: " + String.join("、", parts);
	}

	private static String stripped(String value, int max, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			throw new BadInputException(name + "は" + max + "文字以内で指定してください");
		}
		return text;
	}

}
