package jp.mamori.identity;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/**
 * RFC 6238 time-based codes as every authenticator app makes them: HMAC-SHA1, six digits,
 * 30-second steps. A code is accepted for the current step and one step either side, so
 * that a phone clock a little off (or a code typed just as it changes) still works.
 */
final class TotpCodes {

	static final int PERIOD_SECONDS = 30;

	static final int DIGITS = 6;

	/** Time steps accepted before and after the current one. */
	static final int WINDOW = 1;

	private static final Pattern CODE = Pattern.compile("\\d{" + DIGITS + "}");

	private static final CodeGenerator GENERATOR = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

	private TotpCodes() {
	}

	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
	}

	/** Whether the input has the shape of a code (as opposed to a recovery code). */
	static boolean looksLikeCode(String input) {
		return input != null && CODE.matcher(input).matches();
	}

	static String code(String secret, long step) {
		try {
			return GENERATOR.generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException("TOTP code could not be computed", ex);
		}
	}

	/**
	 * The time step whose code {@code input} is, within the window around {@code now};
	 * empty when it is none of them.
	 */
	static OptionalLong matchingStep(String secret, String input, Instant now) {
		if (!looksLikeCode(input)) {
			return OptionalLong.empty();
		}
		long current = step(now);
		OptionalLong match = OptionalLong.empty();
		// every step is compared, in constant time, so timing does not tell which one
		// matched
		for (long step = current - WINDOW; step <= current + WINDOW; step++) {
			if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					input.getBytes(StandardCharsets.US_ASCII)) && match.isEmpty()) {
				match = OptionalLong.of(step);
			}
		}
		return match;
	}

}
