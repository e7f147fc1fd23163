package jp.mamori.shared.ledger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One column of a ledger.
 *
 * @param key JSON field name and form field ({@code hostname})
 * @param dbColumn column in the ledger's table (lower case, a constant — never user
 * input)
 * @param header Japanese header as printed in templates and exports ({@code ホスト名})
 * @param headerEn English header
 * @param aliases other headers people use for it ({@code host}, {@code コンピュータ名});
 * compared after normalisation (width, case, spaces and punctuation ignored)
 * @param choices code → Japanese label, for {@link ColumnType#CHOICE}
 * @param example the value shown in the template's example row
 */
public record LedgerColumn(String key, String dbColumn, String header, String headerEn, List<String> aliases,
		ColumnType type, boolean required, int maxLength, Map<String, String> choices, String example) {

	public LedgerColumn {
		aliases = List.copyOf(aliases);
		choices = choices == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(choices));
	}

	public static Builder text(String key, String header, String headerEn) {
		return new Builder(key, header, headerEn, ColumnType.TEXT);
	}

	public static Builder date(String key, String header, String headerEn) {
		return new Builder(key, header, headerEn, ColumnType.DATE);
	}

	public static Builder integer(String key, String header, String headerEn) {
		return new Builder(key, header, headerEn, ColumnType.INTEGER);
	}

	public static Builder bool(String key, String header, String headerEn) {
		return new Builder(key, header, headerEn, ColumnType.BOOLEAN);
	}

	public static Builder list(String key, String header, String headerEn) {
		return new Builder(key, header, headerEn, ColumnType.LIST);
	}

	public static Builder choice(String key, String header, String headerEn, Map<String, String> choices) {
		Builder builder = new Builder(key, header, headerEn, ColumnType.CHOICE);
		builder.choices = choices;
		return builder;
	}

	/**
	 * Declares a column fluently:
	 * {@code text("hostname", "ホスト名", "Host name").aliases("host").build()}.
	 */
	public static final class Builder {

		private final String key;

		private final String header;

		private final String headerEn;

		private final ColumnType type;

		private String dbColumn;

		private List<String> aliases = List.of();

		private boolean required;

		private int maxLength = 500;

		private Map<String, String> choices = Map.of();

		private String example = "";

		private Builder(String key, String header, String headerEn, ColumnType type) {
			this.key = key;
			this.header = header;
			this.headerEn = headerEn;
			this.type = type;
			this.dbColumn = key.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
		}

		public Builder aliases(String... aliases) {
			this.aliases = List.of(aliases);
			return this;
		}

		public Builder required() {
			this.required = true;
			return this;
		}

		public Builder max(int maxLength) {
			this.maxLength = maxLength;
			return this;
		}

		public Builder column(String dbColumn) {
			this.dbColumn = dbColumn;
			return this;
		}

		public Builder example(String example) {
			this.example = example;
			return this;
		}

		public LedgerColumn build() {
			return new LedgerColumn(key, dbColumn, header, headerEn, aliases, type, required, maxLength, choices,
					example);
		}

	}

}
