package jp.mamori.accesslog.parser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Text logs come as UTF-8 (with or without BOM), UTF-16 (PowerShell 5.1 {@code Out-File}
 * writes UTF-16LE with BOM) or CP932 (Event Viewer CSV on Japanese Windows). Lines that
 * are not valid in the chosen charset are decoded with replacement characters rather than
 * failing: a log with a few latin-1 bytes is still a log.
 */
public final class TextDecoding {

	public static final Charset CP932 = Charset.forName("windows-31j");

	private TextDecoding() {
	}

	/**
	 * The charset of bytes that start a file: by BOM, else UTF-8 if they decode as such,
	 * else CP932.
	 */
	public static Charset charsetOf(byte[] head) {
		if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
			return StandardCharsets.UTF_8;
		}
		if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
			return StandardCharsets.UTF_16LE;
		}
		if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
			return StandardCharsets.UTF_16BE;
		}
		return decodesAsUtf8(head) ? StandardCharsets.UTF_8 : CP932;
	}

	/** The length of the byte order mark at the start, 0 if none. */
	public static int bomLength(byte[] head) {
		if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
			return 3;
		}
		if (head.length >= 2 && (((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE)
				|| ((head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF))) {
			return 2;
		}
		return 0;
	}

	/**
	 * A reader over the stream in its detected charset, BOM removed, malformed input
	 * replaced.
	 */
	public static BufferedReader reader(InputStream in) throws IOException {
		PushbackInputStream pushback = new PushbackInputStream(in, LogSample.HEAD_BYTES);
		byte[] head = pushback.readNBytes(LogSample.HEAD_BYTES);
		Charset charset = charsetOf(head);
		int bom = bomLength(head);
		pushback.unread(head, bom, head.length - bom);
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		return new BufferedReader(new InputStreamReader(pushback, decoder), 64 * 1024);
	}

	private static boolean decodesAsUtf8(byte[] head) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		// the head may end in the middle of a multi-byte character: ignore the last 3
		// bytes
		int length = Math.max(0, head.length - (head.length >= LogSample.HEAD_BYTES ? 3 : 0));
		try {
			decoder.decode(ByteBuffer.wrap(head, 0, length));
			return true;
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return false;
		}
	}

}
