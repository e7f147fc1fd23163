package jp.mamori.accesslog.parser;

import java.util.Locale;

/**
 * One account, however a log writes it: {@code OFFSEC&#92;admmig},
 * {@code admmig@offsec.lan} and {@code ADMMIG} are all the account {@code admmig}. The
 * NetBIOS domain ({@code OFFSEC}) and the DNS domain ({@code offsec.lan}) cannot be
 * matched to each other from a log alone, so the key is the account name without its
 * domain, lower-cased.
 */
public final class AccountName {

	private AccountName() {
	}

	/** The account key, or null for none ({@code null}, empty, {@code -}). */
	public static String key(String written) {
		if (written == null) {
			return null;
		}
		String name = written.strip();
		int backslash = name.lastIndexOf('\\');
		if (backslash >= 0) {
			name = name.substring(backslash + 1);
		}
		int at = name.indexOf('@');
		if (at > 0) {
			name = name.substring(0, at);
		}
		name = name.strip();
		if (name.isEmpty() || "-".equals(name)) {
			return null;
		}
		return name.toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether the account is the machine itself or a built-in service identity (
	 * {@code HOST$}, SYSTEM, LOCAL SERVICE, NETWORK SERVICE, ANONYMOUS LOGON, DWM-1,
	 * UMFD-0, {@code ##MS_…##}): rules about people leave these out.
	 */
	public static boolean isSystem(String written) {
		String key = key(written);
		if (key == null) {
			return true;
		}
		return key.endsWith("$") || key.equals("system") || key.equals("local service") || key.equals("network service")
				|| key.equals("anonymous logon") || key.startsWith("dwm-") || key.startsWith("umfd-")
				|| (key.startsWith("##") && key.endsWith("##"));
	}

}
