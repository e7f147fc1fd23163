package jp.mamori.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.mamori.shared.Sha256;

/**
 * Single-use codes for when the phone is lost: ten per user, 16 characters (about 79
 * random bits) so a SHA-256 is enough to store them, as for API tokens. Typed back in any
 * case, with or without the hyphens.
 */
final class RecoveryCodes {

	static final int COUNT = 10;

	/** Letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i). */
	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final int GROUPS = 4;

	private static final int GROUP_LENGTH = 4;

	private static final SecureRandom RANDOM = new SecureRandom();

	private RecoveryCodes() {
	}

	static List<String> generate() {
		List<String> codes = new ArrayList<>(COUNT);
		while (codes.size() < COUNT) {
			StringBuilder code = new StringBuilder();
			for (int i = 0; i < GROUPS * GROUP_LENGTH; i++) {
				if (i > 0 && i % GROUP_LENGTH == 0) {
					code.append('-');
				}
				code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
			}
			if (!codes.contains(code.toString())) {
				codes.add(code.toString());
			}
		}
		return codes;
	}

	/** The code as stored: lower case, letters and digits only. */
	static String normalise(String input) {
		return input == null ? "" : input.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	static boolean looksLikeRecoveryCode(String input) {
		return normalise(input).length() == GROUPS * GROUP_LENGTH;
	}

	static String hash(String input) {
		return Sha256.hex(normalise(input));
	}

}
