package jp.mamori.accesslog.rule;

import java.util.Locale;

import jp.mamori.accesslog.parser.Access;
import jp.mamori.accesslog.parser.AccountName;
import jp.mamori.accesslog.parser.Addresses;
import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;

/** What the rules about logons ask of an event, in one place so they agree. */
final class Logons {

	private Logons() {
	}

	/** A successful logon. */
	static boolean isSuccess(LogEvent event) {
		return event.kind() == EventKind.AUTH_SUCCESS;
	}

	/** A failed logon. */
	static boolean isFailure(LogEvent event) {
		return event.kind() == EventKind.AUTH_FAILURE;
	}

	/**
	 * Whether the event's account is a person's (not the machine, a built-in service
	 * identity or none at all).
	 */
	static boolean isPerson(LogEvent event) {
		return !AccountName.isSystem(event.user());
	}

	/**
	 * Remote desktop: logon type 10 (or 12, cached), RemoteConnectionManager 1149, or a
	 * parser that said so.
	 */
	static boolean isRemoteDesktop(LogEvent event) {
		Integer type = event.logonType();
		return event.access() == Access.REMOTE_DESKTOP || (type != null && (type == 10 || type == 12))
				|| "1149".equals(event.eventId());
	}

	/**
	 * Where an attempt came from, for matching attempts with each other: the address, but
	 * for no address or a loopback address also the machine — 127.0.0.1 on one server is
	 * not 127.0.0.1 on another, and without an address the machine is all there is.
	 */
	static String origin(LogEvent event) {
		String address = event.sourceAddress();
		if (address != null && !Addresses.isLoopback(address)) {
			return address;
		}
		String host = event.host() == null ? "" : event.host().toLowerCase(Locale.ROOT);
		return (address == null ? "" : address) + "@" + host;
	}

	/**
	 * Whether the address is private, link-local or loopback: RFC 1918, 100.64/10
	 * (CGNAT), 169.254/16, 127/8, ::1, fc00::/7, fe80::/10. Hand-written because
	 * {@code InetAddress.getByName} would resolve a host name over DNS, and an offline
	 * analysis must never do that.
	 */
	static boolean isInternal(String address) {
		if (address == null) {
			return false;
		}
		if (Addresses.isLoopback(address)) {
			return true;
		}
		String a = address.toLowerCase(Locale.ROOT);
		if (a.indexOf(':') >= 0) {
			return a.startsWith("fc") || a.startsWith("fd") || a.startsWith("fe8") || a.startsWith("fe9")
					|| a.startsWith("fea") || a.startsWith("feb");
		}
		String[] parts = a.split("\\.");
		if (parts.length != 4) {
			return false;
		}
		int first;
		int second;
		try {
			first = Integer.parseInt(parts[0]);
			second = Integer.parseInt(parts[1]);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		return first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)
				|| (first == 169 && second == 254) || (first == 100 && second >= 64 && second <= 127);
	}

}
