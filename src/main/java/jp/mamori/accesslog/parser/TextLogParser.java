package jp.mamori.accesslog.parser;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A parser of a line-based text log: streams the file line by line (see
 * {@link LineReader}), hands each line to the format's {@link Lines}, counts the lines it
 * cannot read as skipped and never lets a bad line escape as an exception.
 */
abstract class TextLogParser implements LogParser {

	/**
	 * Returned by {@link Lines#read} for a line that is no record and no error: a
	 * {@code #Fields} header, a stack-trace continuation. Neither handed on nor skipped.
	 */
	static final LogEvent NOT_A_RECORD = LogEvent.at(Instant.EPOCH, EventKind.OTHER).build();

	/** Reads the lines of one file; may keep state (the current {@code #Fields}). */
	interface Lines {

		/**
		 * The event of a line, {@link #NOT_A_RECORD}, or null when the line cannot be
		 * read (it is then counted as skipped).
		 * @param line the line without its end, at most {@link LineReader#MAX_LINE}
		 * characters
		 * @param number the line number, from 1
		 * @param truncated whether the line was longer and cut
		 */
		LogEvent read(String line, long number, boolean truncated);

	}

	/** A reader of one file's lines. */
	protected abstract Lines lines(ParseContext context, ParseStats stats);

	/**
	 * The lines of the stream; web access logs override this to read bytes as latin-1.
	 */
	protected LineReader open(InputStream in) throws IOException {
		return LineReader.of(in);
	}

	@Override
	public final ParseStats parse(InputStream in, ParseContext context, Consumer<LogEvent> sink) throws IOException {
		ParseStats stats = new ParseStats(format());
		Lines lines = lines(context, stats);
		LineReader reader = open(in);
		String line;
		while ((line = reader.next()) != null) {
			if (line.isBlank()) {
				continue;
			}
			LogEvent event;
			try {
				event = lines.read(line, reader.number(), reader.truncated());
			}
			catch (RuntimeException ex) {
				// a record the format's reader chokes on is a bad record like any other
				event = null;
			}
			if (event == NOT_A_RECORD) {
				continue;
			}
			if (event == null) {
				stats.skip();
				continue;
			}
			stats.event(event);
			sink.accept(event);
		}
		return stats;
	}

}
