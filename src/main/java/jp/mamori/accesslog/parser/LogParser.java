package jp.mamori.accesslog.parser;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads one log format. Implementations are stateless (one instance serves many files
 * concurrently) and never throw for a bad record: they skip it and count it in
 * {@link ParseStats#skip}. Only an I/O failure of the stream itself escapes.
 */
public interface LogParser {

	LogFormat format();

	/**
	 * How sure this parser is that the file is its format, 0 (no) to 100 (certain), from
	 * the file's name and first bytes. Auto-detection picks the highest score above zero.
	 */
	int detect(LogSample sample);

	/**
	 * Reads the whole stream and hands every record it understands to {@code sink}, in
	 * file order.
	 */
	ParseStats parse(InputStream in, ParseContext context, Consumer<LogEvent> sink) throws IOException;

}
