package jp.mamori.catalog.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Catalog files imported by an administrator; instance-wide (not organisation data),
 * append-only.
 */
@Repository
public class ImportedCatalogRepository {

	public record ImportedFile(String versionId, String fileName, String content, String sha256) {
	}

	private final JdbcClient jdbc;

	ImportedCatalogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ImportedFile> findAll() {
		return jdbc.sql("select version_id, file_name, content, sha256 from catalog_import order by version_id")
			.query((rs, n) -> new ImportedFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	public Optional<ImportedFile> find(String versionId) {
		return jdbc.sql("select version_id, file_name, content, sha256 from catalog_import where version_id = ?")
			.param(versionId)
			.query((rs, n) -> new ImportedFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	public void insert(ImportedFile file, Instant at, String importedBy) {
		jdbc.sql("insert into catalog_import (version_id, file_name, content, sha256, imported_at, imported_by) "
				+ "values (?, ?, ?, ?, ?, ?)")
			.params(file.versionId(), file.fileName(), file.content(), file.sha256(), at.atOffset(ZoneOffset.UTC),
					importedBy)
			.update();
	}

}
