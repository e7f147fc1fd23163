package jp.mamori.shared;

/**
 * The one rule against CSV/spreadsheet formula injection (OWASP "CSV Injection"): a text
 * cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return is run as a formula by Excel when the CSV is opened, so every CSV export writes
 * it with a leading apostrophe, as Excel itself does for such text. Excel exports write
 * such values as string cells (never as formula cells), which Excel does not evaluate.
 * Imports undo the apostrophe, so exports round-trip.
 */
public final class FormulaInjection {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private FormulaInjection() {
	}

	/** The text as a CSV cell Excel will show as text. */
	public static String neutralise(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}

	/** Undoes {@link #neutralise}: the text a neutralised cell held. */
	public static String restore(String cell) {
		return cell != null && cell.length() > 1 && cell.charAt(0) == '\''
				&& FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
	}

}
