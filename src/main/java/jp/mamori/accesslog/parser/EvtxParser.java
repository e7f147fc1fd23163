package jp.mamori.accesslog.parser;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Binary Windows event logs ({@code .evtx}, as saved by Event Viewer or copied from
 * {@code C:&#92;Windows&#92;System32&#92;winevt&#92;Logs}), read in pure Java: no EVTX
 * library of quality exists on Maven Central, and Mamori must run offline on the
 * hospital's own PC. The format and how damage is handled are described in
 * {@code package-info.java}.
 *
 * <p>
 * The stream is read one 64 KiB chunk at a time, so memory stays flat for logs of
 * hundreds of megabytes. Every block after the file header that looks like a chunk is
 * read, whatever the header's chunk count says (files copied from a running system are
 * often "dirty").
 */
public final class EvtxParser implements LogParser {

	private static final byte[] MAGIC = { 'E', 'l', 'f', 'F', 'i', 'l', 'e', 0 };

	private static final int FILE_HEADER_SIZE = 4096;

	private static final byte[] ZEROS = new byte[EvtxChunk.SIZE];

	@Override
	public LogFormat format() {
		return LogFormat.EVTX;
	}

	@Override
	public int detect(LogSample sample) {
		if (sample.startsWith(MAGIC)) {
			return 100;
		}
		byte[] head = sample.head();
		if (sample.lowerName().endsWith(".evtx") && head.length > FILE_HEADER_SIZE + 8
				&& EvtxChunk.hasSignature(Arrays.copyOfRange(head, FILE_HEADER_SIZE, head.length), 8)) {
			return 60;
		}
		return 0;
	}

	@Override
	public ParseStats parse(InputStream in, ParseContext context, Consumer<LogEvent> sink) throws IOException {
		ParseStats stats = new ParseStats(LogFormat.EVTX);
		byte[] header = in.readNBytes(FILE_HEADER_SIZE);
		if (header.length < FILE_HEADER_SIZE || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
			if (header.length == 0) {
				stats.note("ファイルが空です");
				return stats;
			}
			if (header.length < FILE_HEADER_SIZE) {
				stats.note("EVTXファイルが途中で切れています（ファイルヘッダーが不完全です）");
				stats.skip();
				return stats;
			}
			stats.note("EVTXのファイルヘッダーが壊れています。チャンクを直接探して読み込みました");
		}
		else if (!headerChecksumMatches(header)) {
			stats.note("EVTXのファイルヘッダーのチェックサムが一致しません（書き込み中にコピーされたファイルの可能性があります）");
		}
		// the header's chunk count lags behind in a dirty file, but more chunks than
		// there are means the file was cut
		int announcedChunks = (header[42] & 0xff) | ((header[43] & 0xff) << 8);
		int chunks = 0;
		Records records = new Records(stats, sink);
		byte[] block = new byte[EvtxChunk.SIZE];
		while (true) {
			int read = in.readNBytes(block, 0, block.length);
			if (read == 0) {
				break;
			}
			if (EvtxChunk.hasSignature(block, read) || EvtxChunk.hasRecordAfterHeader(block, read)) {
				EvtxChunk chunk = new EvtxChunk(block, read);
				chunks++;
				if (read < EvtxChunk.SIZE) {
					stats.note("EVTXファイルが途中で切れています。最後のチャンクは読める記録だけを読み込みました");
				}
				else if (!chunk.checksumsMatch()) {
					stats.note("チェックサムが一致しないチャンクがありました（書き込み中にコピーされたファイルの可能性があります）。読める記録だけを読み込みました");
				}
				chunk.readRecords(records);
			}
			else if (!isEmpty(block, read)) {
				// neither a chunk nor the zero padding at the end of a log
				stats.skip();
				stats.note("EVTXのチャンクとして読めないブロックを読み飛ばしました");
			}
			if (read < block.length) {
				break;
			}
		}
		if (chunks < announcedChunks && Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
			stats.note("EVTXファイルが途中で切れています（ヘッダーにあるチャンクの一部がありません）");
			if (stats.skipped() == 0) {
				stats.skip();
			}
		}
		return stats;
	}

	private static boolean headerChecksumMatches(byte[] header) {
		CRC32 crc = new CRC32();
		crc.update(header, 0, 120);
		int stored = (header[124] & 0xff) | ((header[125] & 0xff) << 8) | ((header[126] & 0xff) << 16)
				| ((header[127] & 0xff) << 24);
		return (int) crc.getValue() == stored;
	}

	private static boolean isEmpty(byte[] block, int length) {
		// Arrays.mismatch is vectorised: logs preallocate many empty chunks
		return Arrays.mismatch(block, 0, length, ZEROS, 0, length) < 0;
	}

	/** Decodes each record into a {@link WindowsEventRecord}, maps it and hands it on. */
	private static final class Records implements EvtxChunk.RecordHandler {

		private final ParseStats stats;

		private final Consumer<LogEvent> sink;

		private final WindowsEventAssembler assembler;

		private WindowsEventRecord assembled;

		private int incomplete;

		Records(ParseStats stats, Consumer<LogEvent> sink) {
			this.stats = stats;
			this.sink = sink;
			this.assembler = new WindowsEventAssembler(record -> assembled = record, () -> incomplete++);
		}

		@Override
		public void record(EvtxChunk chunk, int start, int end, long recordId, long writtenFileTime) {
			assembled = null;
			incomplete = 0;
			LogEvent event;
			try {
				assembler.reset();
				chunk.decode(start, end, assembler);
				if (assembled == null) {
					stats.skip();
					return;
				}
				WindowsEventRecord record = assembled;
				if (record.recordId() == 0) {
					record = new WindowsEventRecord(record.time(), record.provider(), record.eventId(), record.level(),
							recordId, record.channel(), record.computer(), record.userSid(), record.data(),
							record.unnamedData(), record.message());
				}
				event = WindowsEvents.toLogEvent(record);
			}
			catch (RuntimeException ex) {
				// EvtxChunk.Corrupt, or a value no mapping could make sense of: this
				// record is skipped, the next one is read
				stats.skip();
				return;
			}
			stats.event(event);
			sink.accept(event);
		}

		@Override
		public void damaged() {
			stats.skip();
		}

	}

}
