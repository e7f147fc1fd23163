package jp.mamori.evaluation;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.mamori.shared.ledger.LedgerRow;

/**
 * The problems one check found: a reason per problem (at most {@value #MAX_REASONS}, then
 * 「ほか N 件」) and the rows concerned; and readers for typed cells of ledger rows. Shared by
 * the checks of every module.
 */
public final class CheckFindings {

	/** Reasons shown before the rest are summed up as 「ほか N 件」. */
	public static final int MAX_REASONS = 20;

	private final List<String> reasons = new ArrayList<>();

	private final List<CheckResult.Ref> refs = new ArrayList<>();

	private int problems;

	public void add(String reason, CheckResult.Ref... concerned) {
		problems++;
		if (reasons.size() < MAX_REASONS) {
			reasons.add(reason);
		}
		for (CheckResult.Ref ref : concerned) {
			if (!refs.contains(ref)) {
				refs.add(ref);
			}
		}
	}

	public boolean isEmpty() {
		return problems == 0;
	}

	public CheckResult fail() {
		List<String> all = new ArrayList<>(reasons);
		if (problems > reasons.size()) {
			all.add("ほか " + (problems - reasons.size()) + " 件");
		}
		return CheckResult.fail(all, refs);
	}

	/** Text of a cell, stripped; null when empty. */
	public static String text(LedgerRow row, String key) {
		Object value = row.value(key);
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text;
	}

	public static LocalDate date(LedgerRow row, String key) {
		return row.value(key) instanceof LocalDate date ? date : null;
	}

	public static boolean yes(LedgerRow row, String key) {
		return Boolean.TRUE.equals(row.value(key));
	}

	/** Whether a choice code is one of the given codes (false when empty). */
	public static boolean isOneOf(String code, java.util.Set<String> codes) {
		return code != null && codes.contains(code);
	}

	public static boolean hasItems(LedgerRow row, String key) {
		return row.value(key) instanceof List<?> list && !list.isEmpty();
	}

	/** Names compared the way people type them: width, case and spaces do not matter. */
	public static String nameKey(String name) {
		if (name == null) {
			return "";
		}
		return Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s", "");
	}

	public static boolean sameName(String a, String b) {
		String key = nameKey(a);
		return !key.isEmpty() && key.equals(nameKey(b));
	}

	public static String orUnnamed(String label) {
		return label == null ? "（名称なし）" : label;
	}

	private CheckFindings() {
	}

	public static CheckFindings start() {
		return new CheckFindings();
	}

}
