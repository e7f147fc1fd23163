package jp.mamori.network.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.xml.sax.SAXException;

/**
 * pfSense (and OPNsense) {@code config.xml}. Every interface denies what no rule passes,
 * so all count as filtered; {@code <disabled/>} rules are kept but disabled; port
 * forwards are {@code <nat><rule>} (with their own source) and {@code <onetoone>}. Parsed
 * with a DOCTYPE-refusing parser: a file declaring entities is reported, not read.
 */
final class PfSenseConfigParser implements ConfigParser {

	@Override
	public Vendor vendor() {
		return Vendor.PFSENSE;
	}

	@Override
	public int score(List<String> lines) {
		return 5 * ConfigParser.count(lines, "<pfsense>", "<pfsense", "<opnsense>", "<opnsense")
				+ ConfigParser.count(lines, "<filter>", "<interfaces>", "<bcrypt-hash>", "<webgui>");
	}

	@Override
	public DeviceConfig parse(String file, String text) {
		DeviceConfig.Builder config = new DeviceConfig.Builder(file, Vendor.PFSENSE);
		XmlElement root;
		try {
			root = XmlElement.parse(text);
		}
		catch (SAXException ex) {
			String reason = ex.getMessage() != null && ex.getMessage().contains("DOCTYPE")
					? "DOCTYPE（外部実体の宣言）を含むため、安全のため読み込みを拒否しました。" : "XMLとして正しくないため読めませんでした（途中で切れている可能性があります）。";
			config.note("pfSense の設定ファイルは" + reason);
			config.skip();
			return config.build();
		}
		catch (IOException ex) {
			config.note("pfSense の設定ファイルを読めませんでした。");
			return config.build();
		}
		if (!root.name.equals("pfsense") && !root.name.equals("opnsense")) {
			config.note("XMLですが pfSense の設定（<pfsense>）ではありません: <" + root.name + ">");
			return config.build();
		}
		XmlElement system = root.child("system").orElse(null);
		if (system != null) {
			config.hostname = system.text("hostname");
			users(system, config);
		}
		root.child("interfaces").ifPresent(interfaces -> interfaces(interfaces, config));
		Map<String, List<Service>> portAliases = new HashMap<>();
		root.child("aliases").ifPresent(aliases -> aliases(aliases, config, portAliases));
		root.child("filter").ifPresent(filter -> rules(filter, config, portAliases));
		root.child("nat").ifPresent(nat -> forwards(nat, config, portAliases));
		root.child("openvpn").ifPresent(openvpn -> {
			for (XmlElement server : openvpn.all("openvpn-server")) {
				if (server.has("disable") || !server.text("mode").startsWith("server")) {
					continue;
				}
				config.vpns.add(new VpnSetting(VpnSetting.Kind.SSL_VPN, "OpenVPN " + server.text("description"),
						List.of(), List.of(server.text("interface")), true, server.line,
						"<openvpn-server> " + server.text("mode")));
			}
		});
		return config.build();
	}

	private static void users(XmlElement system, DeviceConfig.Builder config) {
		for (XmlElement user : system.all("user")) {
			if (user.has("disabled")) {
				continue;
			}
			String hash = user.text("bcrypt-hash");
			if (hash.isEmpty()) {
				hash = user.text("sha512-hash");
			}
			if (hash.isEmpty()) {
				hash = user.text("password");
			}
			config.users.add(new LocalUser(user.text("name"), hash.isEmpty() ? null : hash, false, false, false,
					user.line, "<user><name>" + user.text("name") + "</name>"));
		}
	}

	private static void interfaces(XmlElement interfaces, DeviceConfig.Builder config) {
		for (XmlElement iface : interfaces.children) {
			String address = iface.text("ipaddr");
			InterfaceRole role = InterfaceRole.UNKNOWN;
			String reason = "";
			if (iface.name.equals("wan") || address.equals("dhcp") || address.equals("pppoe")) {
				role = InterfaceRole.OUTSIDE;
				reason = iface.name.equals("wan") ? "pfSense の WAN" : "ipaddr " + address;
			}
			else if (!iface.text("gateway").isEmpty()) {
				role = InterfaceRole.OUTSIDE;
				reason = "ゲートウェイ " + iface.text("gateway");
			}
			else if (iface.name.equals("lan") || ConfigText.isPrivate(address)) {
				role = InterfaceRole.INSIDE;
				reason = iface.name.equals("lan") ? "pfSense の LAN" : "プライベートアドレス " + address;
			}
			config.iface(new NetInterface(iface.name, role, reason, true, iface.line));
		}
	}

	private static void aliases(XmlElement aliases, DeviceConfig.Builder config, Map<String, List<Service>> ports) {
		for (XmlElement alias : aliases.all("alias")) {
			List<String> members = List.of(alias.text("address").split("\\s+"));
			if (alias.text("type").equals("port")) {
				List<Service> services = new ArrayList<>();
				for (String member : members) {
					for (int[] range : RtxConfigParser.portRanges(member.replace(':', '-'))) {
						services.add(new Service("tcp", range[0], range[1]));
						services.add(new Service("udp", range[0], range[1]));
					}
				}
				ports.put(alias.text("name"), services);
			}
			else {
				boolean any = members.stream().anyMatch(ConfigText::isAnyAddress);
				config.addresses.add(new AddressObject(alias.text("name"), members, any, alias.line));
			}
		}
	}

	/**
	 * {@code <source>}/{@code <destination>}: any, an address/alias, or a network name.
	 */
	private static List<String> endpoint(XmlElement rule, String which, List<AddressObject> aliases) {
		XmlElement end = rule.child(which).orElse(null);
		if (end == null || end.has("any")) {
			return List.of();
		}
		String value = !end.text("address").isEmpty() ? end.text("address") : end.text("network");
		if (value.isEmpty() || ConfigText.isAnyAddress(value)
				|| aliases.stream().anyMatch(a -> a.name().equals(end.text("address")) && a.any())) {
			return List.of();
		}
		return List.of(value);
	}

	private static List<Service> services(String protocol, String port, Map<String, List<Service>> aliases) {
		if (protocol.isEmpty() || protocol.equals("any")) {
			return List.of(Service.ANY);
		}
		List<String> protocols = protocol.equals("tcp/udp") ? List.of("tcp", "udp") : List.of(protocol);
		List<Service> services = new ArrayList<>();
		for (String p : protocols) {
			if (!p.equals("tcp") && !p.equals("udp")) {
				services.add(Service.allPorts(p));
			}
			else if (port.isEmpty()) {
				services.add(Service.allPorts(p));
			}
			else if (aliases.containsKey(port)) {
				aliases.get(port).stream().filter(s -> s.protocol().equals(p)).forEach(services::add);
			}
			else {
				for (int[] range : RtxConfigParser.portRanges(port.replace(':', '-'))) {
					services.add(new Service(p, range[0], range[1]));
				}
			}
		}
		return services;
	}

	private static void rules(XmlElement filter, DeviceConfig.Builder config, Map<String, List<Service>> ports) {
		int index = 0;
		for (XmlElement rule : filter.all("rule")) {
			index++;
			String type = rule.text("type");
			Action action = type.equals("block") || type.equals("reject") ? Action.DENY : Action.PERMIT;
			String destinationPort = rule.child("destination").map(d -> d.text("port")).orElse("");
			boolean narrowed = rule.child("source").map(s -> s.has("not") || !s.text("port").isEmpty()).orElse(false)
					|| rule.child("destination").map(d -> d.has("not")).orElse(false);
			List<String> interfaces = List.of(rule.text("interface").split(","));
			boolean inbound = !rule.text("direction").equals("out");
			String id = !rule.text("tracker").isEmpty() ? rule.text("tracker") : "#" + index;
			config.rules.add(new FilterRule(id, rule.text("descr"), action, !rule.has("disabled"),
					endpoint(rule, "source", config.addresses), endpoint(rule, "destination", config.addresses),
					services(rule.text("protocol"), destinationPort, ports), interfaces, List.of(), inbound, narrowed,
					rule.line, "<rule> " + type + " " + rule.text("interface") + " " + rule.text("protocol") + " "
							+ destinationPort + " " + rule.text("descr")));
		}
	}

	private static void forwards(XmlElement nat, DeviceConfig.Builder config, Map<String, List<Service>> ports) {
		for (XmlElement rule : nat.all("rule")) {
			if (rule.has("disabled")) {
				continue;
			}
			String port = rule.child("destination").map(d -> d.text("port")).orElse("");
			List<Service> services = services(rule.text("protocol"), port, ports);
			String target = rule.text("target")
					+ (rule.text("local-port").isEmpty() ? "" : ":" + rule.text("local-port"));
			List<String> sources = endpoint(rule, "source", config.addresses);
			for (Service service : services.isEmpty() ? List.of(Service.ANY) : services) {
				config.portForwards.add(new PortForward(rule.text("descr").isEmpty() ? target : rule.text("descr"),
						rule.text("interface"), service, target, sources, null, rule.line, "<nat><rule> "
								+ rule.text("interface") + " " + rule.text("protocol") + " " + port + " → " + target));
			}
		}
		for (XmlElement rule : nat.all("onetoone")) {
			if (rule.has("disabled")) {
				continue;
			}
			String target = rule.child("source").map(s -> s.text("address")).orElse("");
			config.portForwards.add(new PortForward(rule.text("external"), rule.text("interface"), Service.ANY, target,
					endpoint(rule, "destination", config.addresses), null, rule.line,
					"<onetoone> " + rule.text("external") + " → " + target));
		}
	}

}
