package jp.mamori.network.config;

import java.util.Objects;

/**
 * An account defined on the device (administrator, VPN user, login password).
 *
 * @param name the account name ({@code (login)}/{@code (administrator)} for the RTX
 * device passwords)
 * @param secret the password hash or obfuscated password as written, {@code null} when
 * none is set
 * @param plainText whether {@code secret} is the password itself (IOS
 * {@code password 0 …})
 * @param twoFactor whether a second factor is configured for it
 * @param vpnUser whether it is (or may be) used to log in to a VPN
 * @param line the line of the original file (0 when the account exists by default)
 * @param text the original line, trimmed
 */
public record LocalUser(String name, String secret, boolean plainText, boolean twoFactor, boolean vpnUser, int line,
		String text) {

	public LocalUser {
		Objects.requireNonNull(name, "name");
		text = text == null ? "" : text;
	}

	public boolean hasPassword() {
		return secret != null && !secret.isBlank();
	}

}
