package jp.mamori.shared.ledger;

import java.util.List;
import java.util.Optional;

/**
 * A ledger declared as data. Feature modules publish theirs as beans; storage,
 * import/export, the REST API and the pages come from this package and the web module.
 *
 * @param id URL segment and API name ({@code devices})
 * @param table database table; it has
 * {@code id, org_id, version, created_at, updated_at, updated_by} and one column per
 * {@link LedgerColumn}
 * @param title Japanese title (機器台帳)
 * @param serves the checklist items it is evidence for, as printed (R7 2-①, 2-⑥ …)
 * @param guidance plain Japanese: what to keep in it and why
 * @param labelKey the column that names a row in lists and links (hostname, name …)
 */
public record LedgerDefinition(String id, String table, String title, String titleEn, List<String> serves,
		String guidance, String guidanceEn, List<LedgerColumn> columns, String labelKey, int order) {

	public LedgerDefinition {
		serves = List.copyOf(serves);
		columns = List.copyOf(columns);
		if (!id.matches("[a-z][a-z-]{1,40}") || !table.matches("[a-z][a-z_]{1,40}")) {
			throw new IllegalArgumentException("bad ledger id or table: " + id + " / " + table);
		}
		for (LedgerColumn column : columns) {
			if (!column.dbColumn().matches("[a-z][a-z0-9_]{0,40}")) {
				throw new IllegalArgumentException("bad column name in " + id + ": " + column.dbColumn());
			}
		}
	}

	public Optional<LedgerColumn> column(String key) {
		return columns.stream().filter(c -> c.key().equals(key)).findFirst();
	}

	public LedgerColumn labelColumn() {
		return column(labelKey).orElse(columns.get(0));
	}

}
