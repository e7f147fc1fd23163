package jp.mamori.accesslog;

import jp.mamori.accesslog.internal.AccessLogEventRepository;
import jp.mamori.accesslog.internal.StoredEvents;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.accesslog.parser.LogParsers;
import jp.mamori.accesslog.parser.ParseContext;
import jp.mamori.accesslog.parser.ParseStats;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ImportLock;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one log file into an organisation's event store: detects (or takes) the format,
 * parses it as a stream and writes its events in batches, all in one transaction — a file
 * that cannot be read at all changes nothing. Events already stored (the same file again,
 * or an overlapping export) are not added twice. Publishes {@link AccessLogImported}.
 */
@Component
public class ImportAccessLog {

	static final int BATCH = 2000;

	private final AccessLogEventRepository repository;

	private final LogParsers parsers = LogParsers.standard();

	private final TransactionTemplate transactions;

	private final Ledgers ledgers;

	private final LedgerStore ledgerStore;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ImportLock importLock;

	ImportAccessLog(AccessLogEventRepository repository, TransactionTemplate transactions, Ledgers ledgers,
			LedgerStore ledgerStore, ApplicationEventPublisher events, Clock clock, ImportLock importLock) {
		this.importLock = importLock;
		this.repository = repository;
		this.transactions = transactions;
		this.ledgers = ledgers;
		this.ledgerStore = ledgerStore;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Imports a file.
	 * @param org the organisation
	 * @param sourceId the ログリスト row the file belongs to, or null
	 * @param fileName the name as uploaded
	 * @param content the file's bytes (closed by the caller)
	 * @param format the format, or null to detect it
	 * @param by the user
	 * @param bytesRead told how many bytes have been read so far (progress)
	 * @return what the file held and added
	 * @throws BadInputException when the format cannot be recognised or the log source is
	 * not the organisation's
	 */
	public ImportedFile importFile(OrgId org, UUID sourceId, String fileName, InputStream content, LogFormat format,
			String by, LongConsumer bytesRead) {
		if (sourceId != null
				&& ledgerStore.find(ledgers.require(AccessLogLedgers.LOG_SOURCES), org, sourceId).isEmpty()) {
			throw new BadInputException("ログリストの行が見つかりません。ログの取得元を選び直してください。");
		}
		String name = fileName == null || fileName.isBlank() ? "log" : fileName.strip();
		ImportedFile result = transactions.execute(status -> {
			// one file at a time per organisation: overlapping files imported at once
			// would otherwise race on the same fingerprints (H2 reports such a race as
			// an error rather than waiting); the second file finds the first one's events
			// stored and counts them as duplicates
			importLock.hold(ImportLock.accessLog(org));
			UUID importId = UUID.randomUUID();
			ImportedFile pending = new ImportedFile(importId, sourceId, StoredEvents.cut(name, 300), "", 0,
					format == null ? LogFormat.EVTX : format, 0, 0, 0, null, null, List.of(), List.of(),
					clock.instant(), by);
			repository.insertImport(org, pending);
			MessageDigest digest = sha256();
			CountingStream counting = new CountingStream(new DigestInputStream(content, digest), bytesRead);
			List<LogEvent> batch = new ArrayList<>(BATCH);
			long[] added = new long[1];
			ParseStats stats;
			try {
				stats = parsers.parse(counting, format,
						new ParseContext(name, ParseContext.JAPAN, LocalDate.now(clock.withZone(ParseContext.JAPAN))),
						event -> {
							batch.add(StoredEvents.normalise(event));
							if (batch.size() == BATCH) {
								added[0] += repository.insertEvents(org, sourceId, importId, batch);
								batch.clear();
							}
						});
				// read to the end so the hash covers the whole file even if a parser
				// stopped early
				counting.transferTo(java.io.OutputStream.nullOutputStream());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (!batch.isEmpty()) {
				added[0] += repository.insertEvents(org, sourceId, importId, batch);
			}
			List<String> notes = new ArrayList<>(stats.notes());
			String sha = HexFormat.of().formatHex(digest.digest());
			ImportedFile file = new ImportedFile(importId, sourceId, pending.fileName(), sha, counting.count(),
					stats.format(), stats.events(), added[0], stats.skipped(), stats.first(), stats.last(),
					List.copyOf(stats.hosts()), notes, pending.importedAt(), by);
			repository.finishImport(org, file);
			return file;
		});
		events.publishEvent(new AccessLogImported(org, result.id(), result.sourceId(), result.fileName(),
				result.events(), result.added(), by));
		return result;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Counts bytes read and reports them at most every 256 KiB. */
	private static final class CountingStream extends FilterInputStream {

		private final LongConsumer listener;

		private long count;

		private long reported;

		CountingStream(InputStream in, LongConsumer listener) {
			super(in);
			this.listener = listener == null ? n -> {
			} : listener;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				advance(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				advance(n);
			}
			return n;
		}

		@Override
		public boolean markSupported() {
			// the parser registry buffers on top of this stream; marks here would
			// double-count
			return false;
		}

		long count() {
			return count;
		}

		private void advance(long n) {
			count += n;
			if (count - reported >= 256 * 1024) {
				reported = count;
				listener.accept(count);
			}
		}

	}

}
