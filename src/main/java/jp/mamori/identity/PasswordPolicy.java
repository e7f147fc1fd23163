package jp.mamori.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The password rule of checklist item 2-⑦ (令和7年度版): at least 8 characters mixing letters,
 * digits and symbols, or at least 13 characters; and not one of the passwords attackers
 * try first. Mamori applies to itself the rule it checks at hospitals. Reuse of the last
 * passwords (2-⑧) is checked by {@link UserAccounts}, which knows the history.
 */
public final class PasswordPolicy {

	public static final int MIN_MIXED = 8;

	public static final int MIN_LONG = 13;

	public static final int MAX = 128;

	/** Passwords attackers try first (shipped list, compared case-insensitively). */
	private static final Set<String> COMMON = loadCommon();

	private static Set<String> loadCommon() {
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("common password list missing from the jar");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private PasswordPolicy() {
	}

	/** Japanese reasons the password is refused; empty when it is acceptable. */
	public static List<String> violations(String password, String username) {
		List<String> reasons = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			reasons.add("パスワードを入力してください");
			return reasons;
		}
		int length = password.codePointCount(0, password.length());
		if (length > MAX) {
			reasons.add("パスワードは" + MAX + "文字以内にしてください");
		}
		boolean letter = password.codePoints().anyMatch(c -> c < 128 && Character.isLetter(c));
		boolean digit = password.codePoints().anyMatch(c -> c < 128 && Character.isDigit(c));
		boolean symbol = password.codePoints().anyMatch(c -> c < 128 && !Character.isLetterOrDigit(c) && c > ' ');
		boolean mixed = letter && digit && symbol;
		if (length < MIN_LONG && !(length >= MIN_MIXED && mixed)) {
			reasons.add("パスワードは英字・数字・記号を混ぜた8文字以上、または13文字以上にしてください");
		}
		if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
			reasons.add("よく使われていて推測されやすいパスワードです。別のパスワードにしてください");
		}
		if (username != null && !username.isBlank() && password.toLowerCase().contains(username.toLowerCase())) {
			reasons.add("パスワードに利用者IDを含めないでください");
		}
		return reasons;
	}

}
