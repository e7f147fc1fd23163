package jp.mamori.identity;

import java.util.regex.Pattern;

import jp.mamori.shared.InvalidInputException;

/**
 * Where a user's mail goes, and whether they want reminder mail.
 *
 * @param email the address, or null when the user gave none (then nothing is mailed)
 * @param reminders false when the user opted out of reminder mail
 */
public record MailSettings(String email, boolean reminders) {

	static final int EMAIL_MAX = 254;

	/**
	 * The WHATWG "valid e-mail address" rule (what a browser's {@code type=email} field
	 * checks), plus a dot in the domain: written out because the browser check can be
	 * bypassed and the usual typos are a full-width ＠, a missing domain or a stray space.
	 */
	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+"
			+ "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	/** Someone who can be mailed a reminder. */
	public boolean wantsReminders() {
		return email != null && reminders;
	}

	/**
	 * The address as stored: trimmed, null when blank.
	 * @throws InvalidInputException (field {@code email}) when it is not an address
	 */
	public static String clean(String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		String clean = email.strip();
		if (clean.length() > EMAIL_MAX) {
			throw new InvalidInputException("email", "メールアドレスは" + EMAIL_MAX + "文字以内で入力してください");
		}
		if (!EMAIL.matcher(clean).matches()) {
			throw new InvalidInputException("email", "メールアドレスの形式が正しくありません。半角で「taro@example.jp」のように入力してください");
		}
		return clean;
	}

	/** For the audit trail: the address (or （なし）) and whether reminders are on. */
	String describe() {
		return (email == null ? "（なし）" : email) + (reminders ? " 通知あり" : " 通知なし");
	}

}
