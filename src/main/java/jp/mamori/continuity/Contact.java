package jp.mamori.continuity;

import java.util.List;

import jp.mamori.shared.ledger.LedgerRow;

/**
 * One row of the contacts ledger as the chart reads it: texts trimmed (null when empty),
 * the category as its code.
 */
record Contact(String name, String organization, String category, String role, String phone, String phoneAfterHours,
		String email, String reportsTo, Long escalationOrder) {

	static Contact of(LedgerRow row) {
		Object order = row.value("escalationOrder");
		return new Contact(text(row, "name"), text(row, "organization"), text(row, "category"), text(row, "role"),
				text(row, "phone"), text(row, "phoneAfterHours"), text(row, "email"), text(row, "reportsTo"),
				order instanceof Number n ? n.longValue() : null);
	}

	/** A contact with only the fields the chart's tests care about. */
	static Contact of(String name, String category, String reportsTo) {
		return new Contact(name, null, category, null, null, null, null, reportsTo, null);
	}

	boolean internal() {
		return ContactLedger.INTERNAL.contains(category);
	}

	/** The label of its category (その他 for a code the ledger no longer knows). */
	String categoryLabel() {
		return ContactLedger.CATEGORIES.getOrDefault(category == null ? "" : category, "その他");
	}

	/**
	 * Position of the category in the ledger's list: director before security manager
	 * when choosing the top of a broken cycle, internal before external.
	 */
	int rank() {
		int i = RANKS.indexOf(category);
		return i < 0 ? RANKS.size() : i;
	}

	private static final List<String> RANKS = List.of("director", "security_manager", "it", "department",
			"first_finder", "vendor", "mhlw", "police", "prefecture", "mist", "ppc", "other");

	private static String text(LedgerRow row, String key) {
		Object value = row.value(key);
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		return text.isEmpty() ? null : text;
	}

}
