package jp.mamori.accesslog.parser;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The start of a file, for format detection: its name, its first bytes and those bytes
 * read as text lines (UTF-8 with or without BOM, UTF-16 with BOM, else CP932).
 *
 * @param fileName the name as uploaded, may be null
 * @param head the first bytes (up to {@link #HEAD_BYTES})
 */
public record LogSample(String fileName, byte[] head) {

	public static final int HEAD_BYTES = 64 * 1024;

	public LogSample {
		head = head == null ? new byte[0] : head;
	}

	/** Whether the file starts with these bytes. */
	public boolean startsWith(byte[] magic) {
		return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
	}

	/**
	 * The head as text, decoded by {@link TextDecoding#charsetOf(byte[])} (BOM removed).
	 */
	public String text() {
		Charset charset = TextDecoding.charsetOf(head);
		int bomLength = TextDecoding.bomLength(head);
		return new String(head, bomLength, head.length - bomLength, charset);
	}

	/**
	 * The first lines of the head (the last, possibly cut, line left out when there are
	 * others).
	 */
	public List<String> lines() {
		List<String> lines = text().lines().toList();
		if (lines.size() > 1 && head.length >= HEAD_BYTES) {
			return lines.subList(0, lines.size() - 1);
		}
		return lines;
	}

	/** The lower-cased file name, or "". */
	public String lowerName() {
		return fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
	}

	static LogSample ofText(String fileName, String text) {
		return new LogSample(fileName, text.getBytes(StandardCharsets.UTF_8));
	}

}
