package jp.mamori.network.scan;

import java.util.List;

/**
 * A device as the ledger knows it: only what a scan can be compared with. The caller maps
 * its ledger rows (機器台帳 columns {@code name, hostname, ipAddresses, macAddresses,
 * status}) onto these.
 *
 * @param name the device's name in the ledger (機器名)
 * @param hostname its host name, or null
 * @param ipAddresses its IP addresses, as written (normalised when compared)
 * @param macAddresses its MAC addresses, as written (any separators)
 * @param status {@code active} (稼働中), {@code retired} (廃棄・撤去) or null when the ledger
 * does not say; only {@code retired} devices are not expected to answer
 */
public record LedgerDevice(String name, String hostname, List<String> ipAddresses, List<String> macAddresses,
		String status) {

	public static final String ACTIVE = "active";

	public static final String RETIRED = "retired";

	public LedgerDevice {
		ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
		macAddresses = macAddresses == null ? List.of() : List.copyOf(macAddresses);
	}

	public boolean isRetired() {
		return RETIRED.equals(status);
	}

	/** The name to show: the ledger name, else the host name, else the first address. */
	public String label() {
		if (name != null && !name.isBlank()) {
			return name;
		}
		if (hostname != null && !hostname.isBlank()) {
			return hostname;
		}
		return ipAddresses.isEmpty() ? String.join(",", macAddresses) : ipAddresses.get(0);
	}

}
