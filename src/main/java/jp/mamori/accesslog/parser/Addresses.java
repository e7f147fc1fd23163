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

}
