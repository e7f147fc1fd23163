package jp.mamori.network.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One device configuration read into the common rule model. Lists keep the file's order;
 * {@link #rules()} are in evaluation order.
 *
 * @param file the file name as given
 * @param vendor the dialect it was read as
 * @param hostname the device's name where the configuration says it (may be empty)
 * @param interfaces interfaces and zones
 * @param addresses named addresses and groups
 * @param rules filter and policy rules in evaluation order, disabled ones included
 * @param portForwards static NAT and port forwards
 * @param management management-plane access
 * @param vpns VPN settings
 * @param users local accounts
 * @param skipped lines or elements that could not be read
 * @param notes what the user should know about the reading, in Japanese
 */
public record DeviceConfig(String file, Vendor vendor, String hostname, List<NetInterface> interfaces,
		List<AddressObject> addresses, List<FilterRule> rules, List<PortForward> portForwards,
		List<ManagementAccess> management, List<VpnSetting> vpns, List<LocalUser> users, long skipped,
		List<String> notes) {

	public DeviceConfig {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(vendor, "vendor");
		hostname = hostname == null ? "" : hostname;
		interfaces = List.copyOf(interfaces);
		addresses = List.copyOf(addresses);
		rules = List.copyOf(rules);
		portForwards = List.copyOf(portForwards);
		management = List.copyOf(management);
		vpns = List.copyOf(vpns);
		users = List.copyOf(users);
		notes = List.copyOf(notes);
	}

	/** The interface or zone with this name, if the configuration defines it. */
	public Optional<NetInterface> iface(String name) {
		return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
	}

	/** Whether any interface is known to face outside. */
	public boolean hasKnownOutside() {
		return interfaces.stream().anyMatch(i -> i.role() == InterfaceRole.OUTSIDE);
	}

	/** Collects a configuration while a parser reads it; parsers only. */
	static final class Builder {

		private static final int MAX_NOTES = 20;

		final String file;

		final Vendor vendor;

		String hostname = "";

		final Map<String, NetInterface> interfaces = new LinkedHashMap<>();

		final List<AddressObject> addresses = new ArrayList<>();

		final List<FilterRule> rules = new ArrayList<>();

		final List<PortForward> portForwards = new ArrayList<>();

		final List<ManagementAccess> management = new ArrayList<>();

		final List<VpnSetting> vpns = new ArrayList<>();

		final List<LocalUser> users = new ArrayList<>();

		long skipped;

		final List<String> notes = new ArrayList<>();

		Builder(String file, Vendor vendor) {
			this.file = file;
			this.vendor = vendor;
		}

		void iface(NetInterface iface) {
			interfaces.put(iface.name(), iface);
		}

		void skip() {
			skipped++;
		}

		void note(String note) {
			if (notes.size() < MAX_NOTES && !notes.contains(note)) {
				notes.add(note);
			}
		}

		DeviceConfig build() {
			if (skipped > 0) {
				note("読めなかった行が " + skipped + " 行ありました（解析には含めていません）。");
			}
			return new DeviceConfig(file, vendor, hostname, List.copyOf(interfaces.values()), addresses, rules,
					portForwards, management, vpns, users, skipped, notes);
		}

	}

}
