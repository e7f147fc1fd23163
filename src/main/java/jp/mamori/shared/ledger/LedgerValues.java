package jp.mamori.shared.ledger;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.mamori.shared.BadInputException;
import jp.mamori.shared.WarekiDate;

/**
 * Reads cell text into typed values the way Japanese hospital spreadsheets write them,
 * and writes values back as text. Kept by hand because the accepted spellings (和暦, ○/×,
 * 有/無, full-width digits) are domain rules no library knows.
 */
public final class LedgerValues {

	private static final Set<String> TRUE = Set.of("はい", "yes", "y", "true", "1", "○", "〇", "有", "あり", "有り", "済", "実施",
			"on");

	private static final Set<String> FALSE = Set.of("いいえ", "no", "n", "false", "0", "×", "✕", "無", "なし", "無し", "未",
			"未実施", "off", "-");

	private static final Pattern SLASH_DATE = Pattern.compile("(\\d{4})[/.年-](\\d{1,2})[/.月-](\\d{1,2})日?");

	private LedgerValues() {
	}

	/**
	 * Typed values from raw texts by column key; errors name the row and the column's
	 * header.
	 */
	public static Map<String, Object> parse(LedgerDefinition ledger, Map<String, String> raw, Integer row,
			List<LedgerError> errors) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (LedgerColumn column : ledger.columns()) {
			String text = raw.get(column.key());
			try {
				Object value = parse(column, text);
				if (value == null && column.required()) {
					errors.add(new LedgerError(row, column.header(), "入力してください"));
				}
				values.put(column.key(), value);
			}
			catch (BadInputException ex) {
				errors.add(new LedgerError(row, column.header(), ex.getMessage()));
			}
		}
		return values;
	}

	/** One cell; null for empty. */
	public static Object parse(LedgerColumn column, String text) {
		String value = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		if (value.isEmpty()) {
			return null;
		}
		switch (column.type()) {
			case TEXT -> {
				String original = text.strip();
				if (original.length() > column.maxLength()) {
					throw new BadInputException(column.maxLength() + "文字以内にしてください（" + original.length() + "文字）");
				}
				return original;
			}
			case INTEGER -> {
				try {
					return Long.valueOf(value.replace(",", ""));
				}
				catch (NumberFormatException ex) {
					throw new BadInputException("数字で入力してください: " + text.strip());
				}
			}
			case DATE -> {
				return date(value, text.strip());
			}
			case BOOLEAN -> {
				String lower = value.toLowerCase(Locale.ROOT);
				if (TRUE.contains(lower)) {
					return true;
				}
				if (FALSE.contains(lower)) {
					return false;
				}
				throw new BadInputException("はい／いいえ（○／×）で入力してください: " + text.strip());
			}
			case CHOICE -> {
				for (Map.Entry<String, String> choice : column.choices().entrySet()) {
					if (choice.getKey().equalsIgnoreCase(value)
							|| Normalizer.normalize(choice.getValue(), Normalizer.Form.NFKC).equals(value)) {
						return choice.getKey();
					}
				}
				throw new BadInputException("次のいずれかで入力してください: " + String.join("／", column.choices().values()) + "（入力: "
						+ text.strip() + "）");
			}
			case LIST -> {
				List<String> items = Arrays.stream(text.split("[\\r\\n,;；]+"))
					.map(String::strip)
					.filter(s -> !s.isEmpty())
					.toList();
				if (String.join("\n", items).length() > column.maxLength()) {
					throw new BadInputException(column.maxLength() + "文字以内にしてください");
				}
				return items.isEmpty() ? null : items;
			}
			default -> throw new IllegalStateException(column.type().name());
		}
	}

	private static LocalDate date(String normalized, String original) {
		try {
			return LocalDate.parse(normalized);
		}
		catch (DateTimeParseException notIso) {
			// other spellings below
		}
		Matcher m = SLASH_DATE.matcher(normalized);
		if (m.matches()) {
			try {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)));
			}
			catch (java.time.DateTimeException ex) {
				throw new BadInputException("存在しない日付です: " + original);
			}
		}
		if (normalized.matches("^(明治|大正|昭和|平成|令和).*")) {
			return WarekiDate.parse(normalized).date();
		}
		throw new BadInputException("日付として読めません（例: 2025-06-01、2025/6/1、令和7年6月1日）: " + original);
	}

	/** A value as text for exports and forms. */
	public static String format(LedgerColumn column, Object value) {
		if (value == null) {
			return "";
		}
		return switch (column.type()) {
			case BOOLEAN -> Boolean.TRUE.equals(value) ? "はい" : "いいえ";
			case CHOICE -> column.choices().getOrDefault(value.toString(), value.toString());
			case LIST -> value instanceof List<?> list ? String.join("\n", list.stream().map(Object::toString).toList())
					: value.toString();
			default -> value.toString();
		};
	}

	/**
	 * Header as compared: width, case, spaces and punctuation do not matter (IPアドレス = ip
	 * address = IP).
	 */
	public static String normalizeHeader(String header) {
		String normalized = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC)
			.toLowerCase(Locale.ROOT);
		return normalized.replaceAll("[\\s_\\-・/()（）\\[\\]【】「」:：*＊※.]", "");
	}

	/**
	 * Raw texts keyed by column key, from a JSON object or a form (booleans and lists
	 * already typed are written back).
	 */
	public static Map<String, String> raw(LedgerDefinition ledger, Map<String, ?> input) {
		Map<String, String> raw = new LinkedHashMap<>();
		for (LedgerColumn column : ledger.columns()) {
			Object value = input.get(column.key());
			if (value instanceof Boolean b) {
				raw.put(column.key(), b ? "true" : "false");
			}
			else if (value instanceof List<?> list) {
				raw.put(column.key(), String.join("\n", list.stream().map(String::valueOf).toList()));
			}
			else if (value != null) {
				raw.put(column.key(), value.toString());
			}
		}
		return raw;
	}

	/** Unused-column check for API input: keys that are not columns. */
	public static List<String> unknownKeys(LedgerDefinition ledger, Set<String> keys) {
		List<String> unknown = new ArrayList<>();
		for (String key : keys) {
			if (ledger.column(key).isEmpty() && !Set.of("id", "version").contains(key)) {
				unknown.add(key);
			}
		}
		return unknown;
	}

}
