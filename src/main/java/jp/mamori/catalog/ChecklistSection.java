package jp.mamori.catalog;

import java.util.List;

/** A numbered section of a form (1 体制構築, 2 医療情報システムの管理・運用 …); "0" is the gate block. */
public record ChecklistSection(String id, String title, List<CatalogItem> items) {

	public ChecklistSection {
		items = List.copyOf(items);
	}

	/** Printed heading: "2 医療情報システムの管理・運用", or the gate block's title alone. */
	public String heading() {
		return "0".equals(id) ? title : id + " " + title;
	}

}
