package jp.mamori.catalog;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One answerable row of a form. Where the form prints one item under several scope
 * headings (R5/R6 2-(4), 2-(5), 2-(7), 2-(9)) each scope is its own row with id
 * {@code ITEM@scope} ({@code 2-7@server}); otherwise the id is the item id ({@code 2-6}).
 *
 * @param id row id, stable contract ({@code 2-6}, {@code 2-7@server})
 * @param itemId the printed item's id without scope ({@code 2-7})
 * @param number as printed: {@code (7)} or {@code ⑥}; {@code -} for the gate row
 * @param scope the scope of this row when the item is split by scope, else {@code null}
 * @param scopes every scope heading the item is printed under (may be empty)
 * @param reference 参考 for this row
 * @param partialReference 一部参考: some scope rows of an unsplit item are 参考
 */
public record CatalogItem(String id, String itemId, String number, String sectionId, String sectionTitle,
		String concept, String text, Scope scope, List<Scope> scopes, boolean reference, boolean partialReference,
		String dueNote, ApplicabilityRule rule, Confidence confidence, List<String> sourceUrls,
		List<String> guidelineRefs, Guidance guidance, List<String> checks) {

	public CatalogItem {
		scopes = List.copyOf(scopes);
		sourceUrls = List.copyOf(sourceUrls);
		guidelineRefs = List.copyOf(guidelineRefs);
		checks = List.copyOf(checks);
	}

	/**
	 * Scope as a heading: the row's own scope, or the item's headings joined (サーバ・端末PC);
	 * may be empty.
	 */
	public String scopeLabel() {
		if (scope != null) {
			return scope.label();
		}
		return scopes.stream().map(Scope::label).collect(Collectors.joining("・"));
	}

	/** Number as referred to in text: 2-⑥ or 2-(7); the gate row by its heading. */
	public String label() {
		if (rule == ApplicabilityRule.GATE) {
			return sectionTitle;
		}
		return sectionId + "-" + number;
	}

	public boolean isGate() {
		return rule == ApplicabilityRule.GATE;
	}

	public boolean needsVendorContract() {
		return rule == ApplicabilityRule.VENDOR_CONTRACT;
	}

	/** The part of the id that names the section (2 for 2-7@server). */
	public String section() {
		return sectionId;
	}

}
