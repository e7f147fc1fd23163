package jp.mamori.audit;

import java.io.IOException;
import java.util.stream.Stream;

import jp.mamori.audit.internal.AuditRepository;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import org.springframework.stereotype.Service;

/**
 * Hands out an organisation's filtered trail as a file (the アクセスログ of R7 2-⑪). Each
 * export is itself a security event and is appended to the trail before a row leaves.
 */
@Service
public class ExportAuditTrail {

	/** The action code recorded for every export. */
	public static final String ACTION = "audit.exported";

	/**
	 * Writes the rows of one export, oldest first: read top to bottom, each row carries
	 * the hash of the one before it in the chain.
	 */
	@FunctionalInterface
	public interface EntryWriter {

		void write(long rows, Stream<AuditEntry> entries) throws IOException;

	}

	private final AuditTrail trail;

	private final AuditRepository repository;

	ExportAuditTrail(AuditTrail trail, AuditRepository repository) {
		this.trail = trail;
		this.repository = repository;
	}

	/**
	 * Records the export, then writes the entries that matched when it started.
	 * @param file the file name handed out, recorded as the target
	 * @param format how it is written, e.g. {@code CSV（UTF-8）}
	 * @param maxRows more matches than this are refused before anything is recorded
	 * @return the number of entries written
	 */
	public long export(OrgId org, AuditFilter filter, String by, String file, String format, long maxRows,
			EntryWriter writer) throws IOException {
		// a snapshot: what is counted, recorded and written is the chain up to its
		// current
		// head, whatever is appended meanwhile (this export's own entry included)
		long upTo = repository.head().lastSeq();
		long rows = repository.count(org, filter, upTo);
		if (rows > maxRows) {
			throw new BadInputException(
					"該当する記録が " + rows + " 件あり、この形式で出力できる上限（" + maxRows + " 件）を超えています。期間を分けて出力してください");
		}
		// not in one transaction with the writing: the chain head stays locked only for
		// the append, not for the whole download
		trail.append(org, by, ACTION, file, format + " で " + rows + " 件を出力。" + filter.summary());
		try (Stream<AuditEntry> entries = repository.stream(org, filter, upTo)) {
			writer.write(rows, entries);
		}
		return rows;
	}

}
