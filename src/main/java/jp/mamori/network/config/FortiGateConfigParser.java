package jp.mamori.network.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * FortiGate full configuration ({@code show full-configuration} or a backup file).
 * Policies are evaluated in file order, not by id; a policy without {@code set action}
 * denies; everything no policy accepts hits the implicit deny, so every interface counts
 * as filtered.
 */
final class FortiGateConfigParser implements ConfigParser {

	/** Predefined FortiOS services, for configurations that do not list them. */
	private static final Map<String, List<Service>> PREDEFINED = new HashMap<>();

	static {
		PREDEFINED.put("ALL", List.of(Service.ANY));
		PREDEFINED.put("ALL_TCP", List.of(Service.allPorts("tcp")));
		PREDEFINED.put("ALL_UDP", List.of(Service.allPorts("udp")));
		PREDEFINED.put("ALL_ICMP", List.of(Service.allPorts("icmp")));
		PREDEFINED.put("PING", List.of(Service.allPorts("icmp")));
		PREDEFINED.put("HTTP", List.of(Service.tcp(80)));
		PREDEFINED.put("HTTPS", List.of(Service.tcp(443)));
		PREDEFINED.put("SSH", List.of(Service.tcp(22)));
		PREDEFINED.put("TELNET", List.of(Service.tcp(23)));
		PREDEFINED.put("FTP", List.of(Service.tcp(21)));
		PREDEFINED.put("SMTP", List.of(Service.tcp(25)));
		PREDEFINED.put("DNS", List.of(Service.tcp(53), Service.udp(53)));
		PREDEFINED.put("NTP", List.of(Service.tcp(123), Service.udp(123)));
		PREDEFINED.put("RDP", List.of(Service.tcp(3389)));
		PREDEFINED.put("SMB", List.of(Service.tcp(445)));
		PREDEFINED.put("SAMBA", List.of(Service.tcp(139)));
		PREDEFINED.put("MS-SQL", List.of(new Service("tcp", 1433, 1434)));
		PREDEFINED.put("MYSQL", List.of(Service.tcp(3306)));
		PREDEFINED.put("VNC", List.of(Service.tcp(5900)));
		PREDEFINED.put("SNMP", List.of(new Service("udp", 161, 162), new Service("tcp", 161, 162)));
		PREDEFINED.put("TFTP", List.of(Service.udp(69)));
	}

	@Override
	public Vendor vendor() {
		return Vendor.FORTIGATE;
	}

	@Override
	public int score(List<String> lines) {
		return 3 * ConfigParser.count(lines, "config system ", "config firewall ", "config vpn ", "config user ",
				"config router ", "#config-version=FG") + ConfigParser.count(lines, "edit ", "next");
	}

	@Override
	public DeviceConfig parse(String file, String text) {
		DeviceConfig.Builder config = new DeviceConfig.Builder(file, Vendor.FORTIGATE);
		FortiNode root = FortiNode.parse(ConfigText.lines(text), config::skip);
		for (FortiNode global : root.sections("system global")) {
			if (global.value("hostname") != null) {
				config.hostname = global.value("hostname");
			}
		}
		Map<String, AddressObject> addresses = addresses(root, config);
		Map<String, List<Service>> services = services(root);
		interfaces(root, config);
		policies(root, config, addresses, services);
		vips(root, config);
		vpns(root, config);
		users(root, config);
		management(root, config);
		if (root.sections("firewall policy").isEmpty()) {
			config.note("config firewall policy がありません（ポリシーの一部だけの抜粋かもしれません）。");
		}
		return config.build();
	}

	private static void interfaces(FortiNode root, DeviceConfig.Builder config) {
		Set<String> defaultRoute = new HashSet<>();
		for (FortiNode route : root.entries("router static")) {
			String dst = route.value("dst");
			if ((dst == null || dst.equals("0.0.0.0 0.0.0.0") || dst.equals("0.0.0.0/0"))
					&& route.value("device") != null) {
				defaultRoute.add(route.value("device"));
			}
		}
		Map<String, InterfaceRole> roles = new HashMap<>();
		for (FortiNode entry : root.entries("system interface")) {
			String name = entry.name;
			String role = entry.value("role");
			String mode = entry.value("mode");
			InterfaceRole decided = InterfaceRole.UNKNOWN;
			String reason = "";
			if ("wan".equals(role)) {
				decided = InterfaceRole.OUTSIDE;
				reason = "set role wan";
			}
			else if ("lan".equals(role) || "dmz".equals(role)) {
				decided = InterfaceRole.INSIDE;
				reason = "set role " + role;
			}
			else if ("dhcp".equals(mode) || "pppoe".equals(mode)) {
				decided = InterfaceRole.OUTSIDE;
				reason = "set mode " + mode;
			}
			else if (defaultRoute.contains(name)) {
				decided = InterfaceRole.OUTSIDE;
				reason = "デフォルトルートの出口";
			}
			else if (name.toLowerCase(Locale.ROOT).matches("wan\\d*|ppp.*")) {
				decided = InterfaceRole.OUTSIDE;
				reason = "インタフェース名 " + name;
			}
			else if (name.toLowerCase(Locale.ROOT).matches("lan\\d*|internal\\d*")) {
				decided = InterfaceRole.INSIDE;
				reason = "インタフェース名 " + name;
			}
			roles.put(name, decided);
			// every FortiGate interface is filtered: traffic no policy accepts is denied
			config.iface(new NetInterface(name, decided, reason, true, entry.line));
		}
		for (FortiNode zone : root.entries("system zone")) {
			List<String> members = zone.values("interface");
			InterfaceRole role = InterfaceRole.UNKNOWN;
			if (members.stream().anyMatch(m -> roles.get(m) == InterfaceRole.OUTSIDE)) {
				role = InterfaceRole.OUTSIDE;
			}
			else if (!members.isEmpty() && members.stream().allMatch(m -> roles.get(m) == InterfaceRole.INSIDE)) {
				role = InterfaceRole.INSIDE;
			}
			config.iface(new NetInterface(zone.name, role, "ゾーン (" + String.join(" ", members) + ")", true, zone.line));
		}
	}

	private static Map<String, AddressObject> addresses(FortiNode root, DeviceConfig.Builder config) {
		Map<String, AddressObject> objects = new HashMap<>();
		for (String path : List.of("firewall address", "firewall address6")) {
			for (FortiNode entry : root.entries(path)) {
				String subnet = entry.value("subnet");
				String ip6 = entry.value("ip6");
				boolean any = entry.name.equals("all")
						|| (subnet != null && (subnet.equals("0.0.0.0 0.0.0.0") || ConfigText.isAnyAddress(subnet)))
						|| (ip6 != null && ConfigText.isAnyAddress(ip6))
						|| (entry.settings.isEmpty() && entry.name.equals("all"));
				List<String> members = new ArrayList<>();
				for (String key : List.of("subnet", "fqdn", "start-ip", "end-ip", "ip6", "country")) {
					if (entry.value(key) != null) {
						members.add(entry.value(key));
					}
				}
				AddressObject object = new AddressObject(entry.name, members, any, entry.line);
				objects.put(entry.name, object);
				config.addresses.add(object);
			}
		}
		List<FortiNode> groups = new ArrayList<>(root.entries("firewall addrgrp"));
		groups.addAll(root.entries("firewall addrgrp6"));
		// groups may contain groups: resolve until nothing changes
		Map<String, List<String>> members = new HashMap<>();
		for (FortiNode group : groups) {
			members.put(group.name, group.values("member"));
		}
		for (FortiNode group : groups) {
			boolean any = containsAny(group.name, members, objects, new HashSet<>());
			AddressObject object = new AddressObject(group.name, group.values("member"), any, group.line);
			config.addresses.add(object);
			objects.put(group.name, object);
		}
		return objects;
	}

	private static boolean containsAny(String name, Map<String, List<String>> groups,
			Map<String, AddressObject> objects, Set<String> seen) {
		if (!seen.add(name)) {
			return false;
		}
		AddressObject object = objects.get(name);
		if (object != null && object.any()) {
			return true;
		}
		if (name.equals("all")) {
			return true;
		}
		for (String member : groups.getOrDefault(name, List.of())) {
			if (containsAny(member, groups, objects, seen)) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, List<Service>> services(FortiNode root) {
		Map<String, List<Service>> services = new HashMap<>(PREDEFINED);
		for (FortiNode entry : root.entries("firewall service custom")) {
			List<Service> list = new ArrayList<>();
			for (String proto : List.of("tcp", "udp", "sctp")) {
				for (String range : entry.values(proto + "-portrange")) {
					String dst = range.contains(":") ? range.substring(0, range.indexOf(':')) : range;
					String[] bounds = dst.split("-");
					try {
						int low = Integer.parseInt(bounds[0]);
						int high = bounds.length > 1 ? Integer.parseInt(bounds[1]) : low;
						list.add(new Service(proto, low, high));
					}
					catch (NumberFormatException ex) {
						list.add(new Service("svc:" + entry.name, 0, 0));
					}
				}
			}
			String protocol = entry.value("protocol");
			if (list.isEmpty() && protocol != null) {
				String number = entry.value("protocol-number");
				if (protocol.equalsIgnoreCase("IP") && (number == null || number.equals("0"))) {
					list.add(Service.ANY);
				}
				else if (protocol.toUpperCase(Locale.ROOT).startsWith("ICMP")) {
					list.add(Service.allPorts("icmp"));
				}
				else {
					list.add(new Service(protocol.equalsIgnoreCase("IP") ? "ip-" + number : protocol, 0, 0));
				}
			}
			if (list.isEmpty() && entry.settings.isEmpty() && entry.name.equals("ALL")) {
				list.add(Service.ANY);
			}
			services.put(entry.name, list.isEmpty() ? List.of(new Service("svc:" + entry.name, 0, 0)) : list);
		}
		Map<String, List<String>> groups = new HashMap<>();
		for (FortiNode group : root.entries("firewall service group")) {
			groups.put(group.name, group.values("member"));
		}
		for (String group : groups.keySet()) {
			services.put(group, expandGroup(group, groups, services, new HashSet<>()));
		}
		return services;
	}

	private static List<Service> expandGroup(String name, Map<String, List<String>> groups,
			Map<String, List<Service>> services, Set<String> seen) {
		List<Service> list = new ArrayList<>();
		if (!seen.add(name)) {
			return list;
		}
		for (String member : groups.getOrDefault(name, List.of())) {
			if (groups.containsKey(member)) {
				list.addAll(expandGroup(member, groups, services, seen));
			}
			else {
				list.addAll(services.getOrDefault(member, List.of(new Service("svc:" + member, 0, 0))));
			}
		}
		return list;
	}

	private static void policies(FortiNode root, DeviceConfig.Builder config, Map<String, AddressObject> addresses,
			Map<String, List<Service>> services) {
		for (FortiNode policy : root.entries("firewall policy")) {
			String action = policy.value("action");
			Action decided = action == null || action.equals("deny") ? Action.DENY : Action.PERMIT;
			boolean enabled = !"disable".equals(policy.value("status"));
			List<String> sources = resolve(policy.values("srcaddr"), addresses);
			sources.addAll(resolve(policy.values("srcaddr6"), addresses));
			List<String> destinations = resolve(policy.values("dstaddr"), addresses);
			destinations.addAll(resolve(policy.values("dstaddr6"), addresses));
			List<Service> matched = new ArrayList<>();
			for (String name : policy.values("service")) {
				matched.addAll(services.getOrDefault(name, List.of(new Service("svc:" + name, 0, 0))));
			}
			boolean narrowed = "enable".equals(policy.value("srcaddr-negate"))
					|| "enable".equals(policy.value("service-negate"));
			config.rules.add(new FilterRule(policy.name, policy.value("name"), decided, enabled, sources, destinations,
					matched, policy.values("srcintf"), policy.values("dstintf"), true, narrowed, policy.line,
					policy.evidence()));
		}
	}

	/**
	 * Address names, with {@code any} for an object or group that stands for every
	 * address.
	 */
	private static List<String> resolve(List<String> names, Map<String, AddressObject> addresses) {
		List<String> resolved = new ArrayList<>();
		for (String name : names) {
			AddressObject object = addresses.get(name);
			if (name.equals("all") || (object != null && object.any())) {
				resolved.add(FilterRule.ANY);
			}
			else {
				resolved.add(name);
			}
		}
		return resolved;
	}

	private static void vips(FortiNode root, DeviceConfig.Builder config) {
		for (FortiNode vip : root.entries("firewall vip")) {
			String mapped = String.join(" ", vip.values("mappedip"));
			Service service = Service.ANY;
			if ("enable".equals(vip.value("portforward"))) {
				String protocol = vip.value("protocol") == null ? "tcp" : vip.value("protocol");
				List<int[]> ranges = RtxConfigParser
					.portRanges(vip.value("extport") == null ? "*" : vip.value("extport"));
				if (ranges.isEmpty()) {
					config.skip();
					continue;
				}
				service = new Service(protocol, ranges.get(0)[0], ranges.get(0)[1]);
				if (vip.value("mappedport") != null) {
					mapped = mapped + ":" + vip.value("mappedport");
				}
			}
			List<String> sources = vip.values("src-filter");
			config.portForwards.add(new PortForward(vip.name, vip.value("extintf"), service, mapped, sources, vip.name,
					vip.line, vip.evidence()));
		}
	}

	private static void vpns(FortiNode root, DeviceConfig.Builder config) {
		for (FortiNode ssl : root.sections("vpn ssl settings")) {
			List<String> listen = ssl.values("source-interface");
			if (listen.isEmpty() || "disable".equals(ssl.value("status"))) {
				continue;
			}
			List<String> sources = new ArrayList<>(ssl.values("source-address"));
			sources.addAll(ssl.values("source-address6"));
			if (sources.contains("all") || "enable".equals(ssl.value("source-address-negate"))) {
				sources = List.of(FilterRule.ANY);
			}
			config.vpns.add(new VpnSetting(VpnSetting.Kind.SSL_VPN, "SSL-VPN", sources, listen, true, ssl.line,
					ssl.evidence()));
		}
		List<FortiNode> phase1 = new ArrayList<>(root.entries("vpn ipsec phase1-interface"));
		phase1.addAll(root.entries("vpn ipsec phase1"));
		for (FortiNode tunnel : phase1) {
			boolean dialUp = "dynamic".equals(tunnel.value("type"));
			String remote = tunnel.value("remote-gw");
			List<String> sources = dialUp || remote == null || remote.equals("0.0.0.0") ? List.of(FilterRule.ANY)
					: List.of(remote);
			config.vpns.add(new VpnSetting(VpnSetting.Kind.IPSEC, tunnel.name, sources, tunnel.values("interface"),
					dialUp, tunnel.line, tunnel.evidence()));
		}
	}

	private static void users(FortiNode root, DeviceConfig.Builder config) {
		for (FortiNode user : root.entries("user local")) {
			String twoFactor = user.value("two-factor");
			boolean secondFactor = twoFactor != null && !twoFactor.equals("disable");
			config.users.add(new LocalUser(user.name, user.value("passwd"), false, secondFactor, true, user.line,
					user.evidence()));
		}
		for (FortiNode admin : root.entries("system admin")) {
			String password = admin.value("password");
			config.users.add(new LocalUser(admin.name, password, false, false, false, admin.line, admin.text));
		}
	}

	private static void management(FortiNode root, DeviceConfig.Builder config) {
		// management is limited to trusted hosts only when every administrator has some
		Set<String> trusted = new LinkedHashSet<>();
		boolean everyAdminRestricted = !root.entries("system admin").isEmpty();
		for (FortiNode admin : root.entries("system admin")) {
			boolean restricted = false;
			for (Map.Entry<String, FortiNode.Setting> setting : admin.settings.entrySet()) {
				if (setting.getKey().startsWith("trusthost")) {
					String value = String.join(" ", setting.getValue().values());
					if (!value.equals("0.0.0.0 0.0.0.0") && !ConfigText.isAnyAddress(value)) {
						trusted.add(value);
						restricted = true;
					}
				}
			}
			everyAdminRestricted &= restricted;
		}
		for (FortiNode entry : root.entries("system interface")) {
			FortiNode.Setting access = entry.settings.get("allowaccess");
			if (access == null) {
				continue;
			}
			for (String protocol : access.values()) {
				ManagementAccess.Protocol kind = switch (protocol) {
					case "https" -> ManagementAccess.Protocol.HTTPS;
					case "http" -> ManagementAccess.Protocol.HTTP;
					case "ssh" -> ManagementAccess.Protocol.SSH;
					case "telnet" -> ManagementAccess.Protocol.TELNET;
					case "snmp" -> ManagementAccess.Protocol.SNMP;
					default -> null;
				};
				if (kind == null) {
					continue;
				}
				List<String> from = everyAdminRestricted && kind != ManagementAccess.Protocol.SNMP
						? List.copyOf(trusted) : List.of(FilterRule.ANY);
				config.management.add(new ManagementAccess(kind, from, List.of(entry.name), access.line(),
						String.join("; ", access.text())));
			}
		}
	}

}
