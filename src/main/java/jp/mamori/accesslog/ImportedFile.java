package jp.mamori.accesslog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.mamori.accesslog.parser.LogFormat;

/**
 * One imported log file: what it held and what it added.
 *
 * @param id the import's id
 * @param sourceId the ログリスト row it belongs to, or null
 * @param fileName the name as uploaded
 * @param sha256 the content's hash
 * @param bytes its size
 * @param format the format it was read as
 * @param events events read
 * @param added events new to the store (the rest were imported before)
 * @param skipped records that could not be read
 * @param first the earliest event time
 * @param last the latest event time
 * @param hosts hosts seen
 * @param notes notes for the user
 * @param importedAt when
 * @param importedBy by whom
 */
public record ImportedFile(UUID id, UUID sourceId, String fileName, String sha256, long bytes, LogFormat format,
		long events, long added, long skipped, Instant first, Instant last, List<String> hosts, List<String> notes,
		Instant importedAt, String importedBy) {

	public ImportedFile {
		hosts = List.copyOf(hosts);
		notes = List.copyOf(notes);
	}

	/**
	 * Events that were already stored (the same file or an overlapping export imported
	 * before).
	 */
	public long duplicates() {
		return events - added;
	}

}
