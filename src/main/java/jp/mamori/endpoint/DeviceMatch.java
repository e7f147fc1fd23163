package jp.mamori.endpoint;

import java.util.List;
import java.util.Locale;

import jp.mamori.endpoint.facts.EndpointFacts;
import jp.mamori.shared.ledger.LedgerRow;

/**
 * Finds the device-ledger row of a collected machine: by serial number (when it is a real
 * one), else by host name (without case or domain), else by any MAC address.
 */
final class DeviceMatch {

	private DeviceMatch() {
	}

	static LedgerRow find(List<LedgerRow> rows, EndpointFacts f) {
		String serial = f.computer().serialNumber();
		if (realSerial(serial)) {
			for (LedgerRow row : rows) {
				if (row.value("serial") instanceof String s && s.strip().equalsIgnoreCase(serial.strip())) {
					return row;
				}
			}
		}
		String host = shortName(f.hostname());
		for (LedgerRow row : rows) {
			if (row.value("hostname") instanceof String h && shortName(h).equals(host)) {
				return row;
			}
		}
		if (f.networkAdapters() != null) {
			List<String> macs = f.networkAdapters()
				.stream()
				.map(EndpointFacts.NetworkAdapter::macAddress)
				.filter(m -> m != null && !m.isBlank())
				.map(DeviceMatch::mac)
				.toList();
			for (LedgerRow row : rows) {
				if (row.value("macAddresses") instanceof List<?> list
						&& list.stream().map(Object::toString).map(DeviceMatch::mac).anyMatch(macs::contains)) {
					return row;
				}
			}
		}
		return null;
	}

	static boolean realSerial(String serial) {
		return serial != null
				&& !ImportCollectorFiles.PLACEHOLDER_SERIALS.contains(serial.strip().toLowerCase(Locale.ROOT));
	}

	/** MAC addresses compare as upper-case hex pairs joined by colons. */
	static String mac(String text) {
		String hex = text.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(Locale.ROOT);
		if (hex.length() != 12) {
			return text.strip().toUpperCase(Locale.ROOT);
		}
		return String.join(":", hex.substring(0, 2), hex.substring(2, 4), hex.substring(4, 6), hex.substring(6, 8),
				hex.substring(8, 10), hex.substring(10, 12));
	}

	private static String shortName(String name) {
		String lower = name.strip().toLowerCase(Locale.ROOT);
		int dot = lower.indexOf('.');
		return dot > 0 && !Character.isDigit(lower.charAt(0)) ? lower.substring(0, dot) : lower;
	}

}
