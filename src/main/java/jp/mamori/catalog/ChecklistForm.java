package jp.mamori.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One form of a version (e.g. R7 医療機関確認用) with its sections and answerable rows in
 * printed order.
 *
 * @param documentTitle the checklist's own title on this form (the pharmacy set is titled
 * 薬局における…)
 */
public record ChecklistForm(String versionId, FormCode code, String title, String documentTitle,
		List<ChecklistSection> sections) {

	public ChecklistForm {
		sections = List.copyOf(sections);
	}

	public List<CatalogItem> items() {
		return sections.stream().flatMap(s -> s.items().stream()).toList();
	}

	public Optional<CatalogItem> item(String id) {
		return items().stream().filter(i -> i.id().equals(id)).findFirst();
	}

	public Optional<CatalogItem> gate() {
		return items().stream().filter(CatalogItem::isGate).findFirst();
	}

	/** Rows for one concept (several when the item is split by scope). */
	public List<CatalogItem> itemsForConcept(String concept) {
		return items().stream().filter(i -> i.concept().equals(concept)).toList();
	}

}
