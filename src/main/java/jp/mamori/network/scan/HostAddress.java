package jp.mamori.network.scan;

/**
 * An address of a scanned host.
 *
 * @param address as nmap wrote it ({@code 192.168.10.11}, {@code 00:11:22:AA:BB:CC})
 * @param type {@code ipv4}, {@code ipv6} or {@code mac}
 * @param vendor the maker nmap derived from a MAC address, else null
 */
public record HostAddress(String address, String type, String vendor) {

	public boolean isMac() {
		return "mac".equals(type);
	}

}
