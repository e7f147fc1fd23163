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
		java.util.Set<String> reservedKeys = java.util.Set.of("id", "version", "updatedAt", "updatedBy");
		java.util.Set<String> reservedColumns = java.util.Set.of("id", "org_id", "version", "created_at", "updated_at",
				"updated_by");
		java.util.Set<String> keys = new java.util.HashSet<>();
		for (LedgerColumn column : columns) {
			if (!column.dbColumn().matches("[a-z][a-z0-9_]{0,40}") || reservedColumns.contains(column.dbColumn())) {
				throw new IllegalArgumentException("bad column name in " + id + ": " + column.dbColumn());
			}
			if (reservedKeys.contains(column.key()) || !keys.add(column.key())) {
				throw new IllegalArgumentException("reserved or repeated key in " + id + ": " + column.key());
			}
		}
		if (!keys.contains(labelKey)) {
			throw new IllegalArgumentException("label column " + labelKey + " is not a column of " + id);
		}
	}

	public Optional<LedgerColumn> column(String key) {
		return columns.stream().filter(c -> c.key().equals(key)).findFirst();
	}

	public LedgerColumn labelColumn() {
		return column(labelKey).orElse(columns.get(0));
	}

}
