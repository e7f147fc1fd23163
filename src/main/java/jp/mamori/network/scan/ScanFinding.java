package jp.mamori.network.scan;

import java.util.Objects;

import jp.mamori.shared.Severity;

/**
 * One thing a scan shows that a person should act on.
 *
 * @param id the kind of finding — a contract: {@value #UNREGISTERED_DEVICE},
 * {@value #LEDGER_DEVICE_NOT_SEEN}, {@value #RISKY_SERVICE}
 * @param severity how urgent
 * @param address the host's address (for a device not seen: its ledger address)
 * @param hostname the host's name, or null
 * @param mac the host's MAC address, or null
 * @param port the port, or null for findings about a whole host
 * @param protocol {@code tcp}/{@code udp}, or null
 * @param service nmap's service name, or null
 * @param product the product, or null
 * @param version the product version, or null
 * @param device the ledger device concerned (its name), or null
 * @param summary what was found and why it matters, in plain Japanese
 * @param fix what to do about it, in plain Japanese
 */
public record ScanFinding(String id, Severity severity, String address, String hostname, String mac, Integer port,
		String protocol, String service, String product, String version, String device, String summary, String fix) {

	/** A host answered that the ledger does not list. */
	public static final String UNREGISTERED_DEVICE = "unregistered-device";

	/** An active ledger device inside the scanned range did not answer. */
	public static final String LEDGER_DEVICE_NOT_SEEN = "ledger-device-not-seen";

	/** A service that attackers use or that sends passwords in clear is open. */
	public static final String RISKY_SERVICE = "risky-service";

	public ScanFinding {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(summary, "summary");
	}

}
