package jp.mamori.accesslog.parser;

import java.util.Locale;

/** Network addresses as logs write them. */
public final class Addresses {

	private Addresses() {
	}

	/**
	 * The address, or null for none: {@code -}, empty, {@code ::ffff:10.0.0.1} becomes
	 * {@code 10.0.0.1}, brackets are removed, IPv6 is lower-cased (a zone id such as
	 * {@code %10} is kept).
	 */
	public static String normalise(String written) {
		if (written == null) {
			return null;
		}
		String address = written.strip();
		if (address.startsWith("[") && address.endsWith("]")) {
			address = address.substring(1, address.length() - 1);
		}
		if (address.isEmpty() || "-".equals(address) || "::".equals(address) || "0.0.0.0".equals(address)) {
			return null;
		}
		address = address.toLowerCase(Locale.ROOT);
		if (address.startsWith("::ffff:") && address.indexOf('.') > 0) {
			address = address.substring("::ffff:".length());
		}
		return address;
	}

	/** Whether the address is the machine itself (127.0.0.0/8, ::1). */
	public static boolean isLoopback(String address) {
		return address != null && (address.startsWith("127.") || "::1".equals(address));
	}

	/**
	 * Whether the text is written like an IPv4 or IPv6 address (optionally with a zone
	 * id): host names such as {@code ns.example.com} are not.
	 */
	public static boolean looksLikeAddress(String text) {
		if (text == null || text.isEmpty() || text.length() > 64) {
			return false;
		}
		String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
		int percent = s.indexOf('%');
		if (percent > 0) {
			s = s.substring(0, percent);
		}
		if (s.indexOf(':') >= 0) {
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
					return false;
				}
			}
			return s.length() >= 2;
		}
		int dots = 0;
		int digits = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '.') {
				if (digits == 0) {
					return false;
				}
				dots++;
				digits = 0;
			}
			else if (c >= '0' && c <= '9' && digits < 3) {
				digits++;
			}
			else {
				return false;
			}
		}
		return dots == 3 && digits > 0;
	}

}
