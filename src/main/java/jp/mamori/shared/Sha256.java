package jp.mamori.shared;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex: evidence files, imported catalog files, audit chain, token
 * hashes.
 */
public final class Sha256 {

	private Sha256() {
	}

	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	public static String hex(String text) {
		return hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
