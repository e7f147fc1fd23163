package jp.mamori.catalog;

import jp.mamori.shared.Auditable;

/** An administrator imported a new checklist version. */
public record CatalogVersionImported(String versionId, String fileName, String sha256,
		String importedBy) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(null, importedBy, "catalog.version.imported", versionId, fileName + " sha256=" + sha256);
	}

}
