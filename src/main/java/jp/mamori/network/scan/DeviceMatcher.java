package jp.mamori.network.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the ledger device a scanned host is. The MAC address decides first (it stays when
 * DHCP hands out another address), then the IP address, then the host name compared
 * case-insensitively without its domain. When two ledger rows share an address, the first
 * row is taken and a note names both.
 */
public final class DeviceMatcher {

	/** Matched by MAC address. */
	public static final String BY_MAC = "mac";

	/** Matched by IP address. */
	public static final String BY_IP = "ip";

	/** Matched by host name. */
	public static final String BY_HOSTNAME = "hostname";

	/**
	 * A ledger device and how it was recognised.
	 *
	 * @param device the ledger device
	 * @param by {@value #BY_MAC}, {@value #BY_IP} or {@value #BY_HOSTNAME}
	 */
	public record Match(LedgerDevice device, String by) {
	}

	private final Map<String, LedgerDevice> byMac = new LinkedHashMap<>();

	private final Map<String, LedgerDevice> byIp = new LinkedHashMap<>();

	private final Map<String, LedgerDevice> byHostname = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	public DeviceMatcher(List<LedgerDevice> devices) {
		for (LedgerDevice device : devices) {
			for (String mac : device.macAddresses()) {
				index(byMac, Addresses.mac(mac), device, "MACアドレス " + mac);
			}
			for (String ip : device.ipAddresses()) {
				index(byIp, Addresses.ip(ip), device, "IPアドレス " + ip);
			}
			index(byHostname, Addresses.hostname(device.hostname()), device, "ホスト名 " + device.hostname());
		}
	}

	private void index(Map<String, LedgerDevice> map, Optional<String> key, LedgerDevice device, String what) {
		key.ifPresent(k -> {
			LedgerDevice first = map.putIfAbsent(k, device);
			if (first != null && first != device) {
				notes.add("台帳の「" + first.label() + "」と「" + device.label() + "」が同じ" + what + "です。先の行と照合しました");
			}
		});
	}

	/** The ledger device this host is, if any. */
	public Optional<Match> match(ScannedHost host) {
		Optional<Match> byMacAddress = host.mac()
			.flatMap(m -> Addresses.mac(m.address()))
			.map(byMac::get)
			.map(d -> new Match(d, BY_MAC));
		if (byMacAddress.isPresent()) {
			return byMacAddress;
		}
		Optional<Match> byAddress = first(host.ipAddresses(), a -> Addresses.ip(a).map(byIp::get).orElse(null), BY_IP);
		if (byAddress.isPresent()) {
			return byAddress;
		}
		return first(host.hostnames(), n -> Addresses.hostname(n).map(byHostname::get).orElse(null), BY_HOSTNAME);
	}

	private static Optional<Match> first(List<String> keys, Function<String, LedgerDevice> lookup, String by) {
		for (String key : keys) {
			LedgerDevice device = lookup.apply(key);
			if (device != null) {
				return Optional.of(new Match(device, by));
			}
		}
		return Optional.empty();
	}

	/** Ledger rows that share an address or name, in Japanese. */
	public List<String> notes() {
		return List.copyOf(notes);
	}

}
