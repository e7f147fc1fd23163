package jp.mamori.shared.ledger;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The search key of a ledger row's label (機器名, 氏名, …): NFKC-normalised and lower-cased,
 * so that a filter typed with full-width letters (ＰＣ), half-width katakana (ﾚﾝﾄｹﾞﾝ) or in
 * another case finds the row. Stored in each ledger table's {@code label_key} column by
 * {@link LedgerStore} on every write and filled for existing rows by migration 98
 * ({@link LedgerLabelKeyMigration}); the same function turns the filter into a pattern.
 */
public final class LedgerLabelKey {

	private LedgerLabelKey() {
	}

	/** The key of {@code label}; null for null. */
	public static String of(Object label) {
		if (label == null) {
			return null;
		}
		return Normalizer.normalize(label.toString(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

}
