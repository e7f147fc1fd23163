package jp.mamori.network.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading configuration text: UTF-8 (with or without BOM) or, failing that, CP932 — RTX
 * and Cisco configurations saved on Japanese Windows carry Shift_JIS descriptions. Tokens
 * are split on blanks with double-quoted strings kept whole, as every CLI dialect here
 * writes them.
 */
final class ConfigText {

	static final Charset CP932 = Charset.forName("windows-31j");

	private ConfigText() {
	}

	static String decode(byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
				&& (bytes[2] & 0xff) == 0xBF ? 3 : 0;
		ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(buffer)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, start, bytes.length - start, CP932);
		}
	}

	/**
	 * The lines of a text, without line terminators ({@code &#92;r&#92;n}, {@code &#92;n}
	 * or {@code &#92;r}).
	 */
	static List<String> lines(String text) {
		return List.of(text.split("\r\n|\n|\r", -1));
	}

	/**
	 * Blank-separated tokens; {@code "a b"} is one token {@code a b} (quotes removed).
	 */
	static List<String> tokens(String line) {
		List<String> tokens = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		boolean inToken = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
				inToken = true;
			}
			else if (!quoted && Character.isWhitespace(c)) {
				if (inToken) {
					tokens.add(current.toString());
					current.setLength(0);
					inToken = false;
				}
			}
			else if (c == '\\' && quoted && i + 1 < line.length()) {
				current.append(line.charAt(++i));
				inToken = true;
			}
			else {
				current.append(c);
				inToken = true;
			}
		}
		if (inToken) {
			tokens.add(current.toString());
		}
		return tokens;
	}

	/**
	 * Whether an IPv4 address (optionally with /prefix) is private, shared or loopback.
	 */
	static boolean isPrivate(String address) {
		String ip = address.contains("/") ? address.substring(0, address.indexOf('/')) : address;
		String[] parts = ip.split("\\.");
		if (parts.length != 4) {
			return false;
		}
		try {
			int a = Integer.parseInt(parts[0]);
			int b = Integer.parseInt(parts[1]);
			return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
					|| (a == 100 && b >= 64 && b <= 127) || (a == 169 && b == 254);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	/**
	 * Whether an address stands for every address ({@code 0.0.0.0/0}, {@code ::/0} …).
	 */
	static boolean isAnyAddress(String address) {
		String a = address.trim();
		return a.equals("*") || a.equalsIgnoreCase("any") || a.equalsIgnoreCase("any4") || a.equals("0.0.0.0/0")
				|| a.equals("0.0.0.0/0.0.0.0") || a.equals("::/0") || a.equals("0/0");
	}

}
