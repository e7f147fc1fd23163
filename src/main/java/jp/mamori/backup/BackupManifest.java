package jp.mamori.backup;

import java.time.Instant;
import java.util.List;

/**
 * {@code manifest.json} of a backup file: what wrote it, from which schema, and for every
 * table the file holding its rows with their count and SHA-256.
 *
 * @param formatVersion version of this file layout (1)
 * @param mamoriVersion version of the Mamori that wrote it
 * @param schemaVersion Flyway version of the database it was taken from
 * @param createdAt when the snapshot was taken
 * @param database database product and version it was taken from
 * @param consistency how the snapshot was made consistent
 * @param excludedTables tables deliberately left out
 * @param tables the tables in insertion (foreign-key) order
 */
public record BackupManifest(int formatVersion, String mamoriVersion, String schemaVersion, Instant createdAt,
		String database, String consistency, List<String> excludedTables, List<TableEntry> tables) {

	/** The file layout this code writes and reads. */
	public static final int FORMAT_VERSION = 1;

	/** One table's file in the archive. */
	public record TableEntry(String name, String file, long rows, String sha256) {
	}

	/** Total rows over all tables. */
	public long totalRows() {
		return tables.stream().mapToLong(TableEntry::rows).sum();
	}

}
