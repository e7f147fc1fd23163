package jp.mamori.accesslog.parser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads the lines of a text log one at a time, for files far larger than memory (500 MB
 * syslog files exist). Lines end with LF, CRLF or a lone CR, mixed in one file; the last
 * line needs no newline. A line longer than {@link #MAX_LINE} characters keeps only its
 * start ({@link #truncated()} says so): a 1 MB line of garbage must not become a 1 MB
 * string per record. {@link java.io.BufferedReader#readLine()} would keep every character
 * of such a line, which is why this class exists.
 */
final class LineReader {

	/** The characters kept of one line; no real record of the formats read is longer. */
	static final int MAX_LINE = 16 * 1024;

	private final Reader in;

	private final char[] buffer = new char[64 * 1024];

	private final StringBuilder line = new StringBuilder(512);

	private int position;

	private int limit;

	private boolean skipLineFeed;

	private boolean truncated;

	private long number;

	LineReader(Reader in) {
		this.in = in;
	}

	/** Lines of the stream in its detected charset (see {@link TextDecoding}). */
	static LineReader of(InputStream in) throws IOException {
		return new LineReader(TextDecoding.reader(in));
	}

	/**
	 * Lines of the stream read byte by byte as ISO-8859-1, for web access logs: a request
	 * line with raw non-ASCII bytes is still one line and loses nothing.
	 */
	static LineReader latin1(InputStream in) {
		return new LineReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
	}

	/** The next line without its line end, or null at the end of the stream. */
	String next() throws IOException {
		line.setLength(0);
		truncated = false;
		boolean started = false;
		while (true) {
			if (position >= limit) {
				limit = in.read(buffer, 0, buffer.length);
				position = 0;
				if (limit <= 0) {
					limit = 0;
					return started ? finish() : null;
				}
			}
			if (skipLineFeed) {
				skipLineFeed = false;
				if (buffer[position] == '\n') {
					position++;
					continue;
				}
			}
			started = true;
			int start = position;
			while (position < limit) {
				char c = buffer[position];
				if (c == '\n' || c == '\r') {
					break;
				}
				position++;
			}
			keep(start, position);
			if (position < limit) {
				skipLineFeed = buffer[position] == '\r';
				position++;
				return finish();
			}
		}
	}

	/** The number of the line last returned, from 1. */
	long number() {
		return number;
	}

	/** Whether the line last returned was cut at {@link #MAX_LINE} characters. */
	boolean truncated() {
		return truncated;
	}

	private void keep(int start, int end) {
		int room = MAX_LINE - line.length();
		int length = end - start;
		if (length > room) {
			truncated = true;
			length = Math.max(0, room);
		}
		line.append(buffer, start, length);
	}

	private String finish() {
		number++;
		if (number == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
			line.deleteCharAt(0);
		}
		else if (number == 1 && line.length() >= 3 && line.charAt(0) == '\u00EF' && line.charAt(1) == '\u00BB'
				&& line.charAt(2) == '\u00BF') {
			// a UTF-8 byte order mark read as ISO-8859-1
			line.delete(0, 3);
		}
		return line.toString();
	}

}
