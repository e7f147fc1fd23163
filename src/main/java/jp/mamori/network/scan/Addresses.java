package jp.mamori.network.scan;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * How addresses and names are compared: the same machine is written many ways in a ledger
 * ({@code 00-11-22-AA-BB-CC}, {@code 0011.22aa.bbcc}, {@code 192.168.001.010/24},
 * {@code EMR-SV01.clinic.local}) and in a scan.
 */
public final class Addresses {

	private Addresses() {
	}

	/**
	 * An IP address in one spelling (IPv4 dotted without leading zeros, IPv6 canonical
	 * lower case), or empty when the text is not an address literal. A prefix length
	 * ({@code /24}) and an IPv6 zone ({@code %10}) are dropped. Never resolves names.
	 */
	public static Optional<String> ip(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String value = text.strip();
		int slash = value.indexOf('/');
		if (slash >= 0) {
			value = value.substring(0, slash);
		}
		if (value.startsWith("[") && value.endsWith("]")) {
			value = value.substring(1, value.length() - 1);
		}
		long v4 = ipv4(value);
		if (v4 >= 0) {
			return Optional.of(ipv4Text(v4));
		}
		if (value.indexOf(':') < 0 || !value.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+")) {
			return Optional.empty();
		}
		int zone = value.indexOf('%');
		if (zone >= 0) {
			value = value.substring(0, zone);
		}
		try {
			// a text with ':' is only ever parsed as an IPv6 literal: no name lookup
			// happens
			InetAddress address = InetAddress.getByName(value);
			return Optional.of(address.getHostAddress().toLowerCase(Locale.ROOT));
		}
		catch (UnknownHostException | SecurityException ex) {
			return Optional.empty();
		}
	}

	/** A dotted IPv4 address as a number, or -1 when the text is not one. */
	public static long ipv4(String text) {
		if (text == null) {
			return -1;
		}
		String[] parts = text.strip().split("\\.", -1);
		if (parts.length != 4) {
			return -1;
		}
		long value = 0;
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
				return -1;
			}
			int octet = Integer.parseInt(part);
			if (octet > 255) {
				return -1;
			}
			value = (value << 8) | octet;
		}
		return value;
	}

	static String ipv4Text(long value) {
		return ((value >> 24) & 0xFF) + "." + ((value >> 16) & 0xFF) + "." + ((value >> 8) & 0xFF) + "."
				+ (value & 0xFF);
	}

	/**
	 * A MAC address as twelve lower-case hex digits ({@code 001122aabbcc}), whatever the
	 * separators; empty when the text is not a MAC address or is all zeros.
	 */
	public static Optional<String> mac(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String hex = text.strip().toLowerCase(Locale.ROOT).replaceAll("[:\\-.\\s]", "");
		if (!hex.matches("[0-9a-f]{12}") || hex.equals("000000000000")) {
			return Optional.empty();
		}
		return Optional.of(hex);
	}

	/** A MAC address as nmap writes it: {@code 00:11:22:AA:BB:CC}. */
	public static String macText(String normalized) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < normalized.length(); i += 2) {
			if (i > 0) {
				text.append(':');
			}
			text.append(normalized, i, i + 2);
		}
		return text.toString().toUpperCase(Locale.ROOT);
	}

	/**
	 * A host name compared case-insensitively without its domain
	 * ({@code EMR-SV01.clinic.local} → {@code emr-sv01}); empty for blanks, address
	 * literals and {@code localhost}, which name no particular device.
	 */
	public static Optional<String> hostname(String text) {
		if (text == null || text.isBlank() || ip(text).isPresent()) {
			return Optional.empty();
		}
		String name = text.strip().toLowerCase(Locale.ROOT);
		int dot = name.indexOf('.');
		if (dot > 0) {
			name = name.substring(0, dot);
		}
		if (name.isEmpty() || name.equals("localhost")) {
			return Optional.empty();
		}
		return Optional.of(name);
	}

}
