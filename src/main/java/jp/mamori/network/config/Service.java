package jp.mamori.network.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One protocol and destination port range a rule matches.
 *
 * @param protocol {@code any} (every IP protocol), {@code tcp}, {@code udp}, {@code icmp}
 * or another protocol name
 * @param low first destination port (0 for protocols without ports)
 * @param high last destination port (65535 for "every port")
 */
public record Service(String protocol, int low, int high) {

	public static final Service ANY = new Service("any", 0, 65535);

	public Service {
		protocol = Objects.requireNonNull(protocol, "protocol").toLowerCase(Locale.ROOT);
		if (low > high) {
			// FortiGate and others accept reversed ranges; the set of ports is the same
			int swap = low;
			low = high;
			high = swap;
		}
	}

	public static Service tcp(int port) {
		return new Service("tcp", port, port);
	}

	public static Service udp(int port) {
		return new Service("udp", port, port);
	}

	/** Every port of one protocol. */
	public static Service allPorts(String protocol) {
		return new Service(protocol, 0, 65535);
	}

	public boolean isAny() {
		return "any".equals(protocol);
	}

	private boolean hasPorts() {
		return "tcp".equals(protocol) || "udp".equals(protocol);
	}

	/** Whether this matches traffic to {@code port} over {@code proto} (tcp/udp). */
	public boolean covers(String proto, int port) {
		if (isAny()) {
			return true;
		}
		return protocol.equals(proto) && low <= port && port <= high;
	}

	/** Whether everything {@code other} matches is matched by this too. */
	public boolean covers(Service other) {
		if (isAny()) {
			return true;
		}
		if (!protocol.equals(other.protocol)) {
			return false;
		}
		return !hasPorts() || (low <= other.low && other.high <= high);
	}

	/** Whether every port of its protocol is matched. */
	public boolean allPortsOfProtocol() {
		return isAny() || !hasPorts() || (low <= 1 && high == 65535);
	}

	/**
	 * How it is shown: {@code any}, {@code tcp/3389}, {@code udp/137-139}, {@code icmp}.
	 */
	public String describe() {
		if (isAny()) {
			return "any";
		}
		if (!hasPorts()) {
			return protocol;
		}
		if (low <= 1 && high == 65535) {
			return protocol + "/any";
		}
		return protocol + "/" + (low == high ? String.valueOf(low) : low + "-" + high);
	}

}
