package jp.mamori.network.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cisco ASA {@code show running-config}. Interfaces are known by {@code nameif};
 * {@code security-level 0} (conventionally {@code outside}) faces the internet. Traffic
 * from a lower to a higher level is denied unless an ACL bound by {@code access-group}
 * permits it, so every interface counts as filtered. Management hosts are
 * {@code http}/{@code ssh}/{@code telnet ADDRESS MASK INTERFACE}.
 */
final class AsaConfigParser implements ConfigParser {

	@Override
	public Vendor vendor() {
		return Vendor.ASA;
	}

	@Override
	public int score(List<String> lines) {
		return 3 * ConfigParser.count(lines, "ASA Version", "nameif ", "security-level ", "access-group ",
				"object network ", "object-group ", "http server enable", "same-security-traffic");
	}

	private static final class Iface {

		final int line;

		String nameif;

		int level = -1;

		boolean dhcp;

		Iface(int line) {
			this.line = line;
		}

	}

	@Override
	public DeviceConfig parse(String file, String text) {
		DeviceConfig.Builder config = new DeviceConfig.Builder(file, Vendor.ASA);
		List<Iface> ifaces = new ArrayList<>();
		Map<String, Boolean> objects = new HashMap<>();
		Map<String, String> objectHosts = new HashMap<>();
		Map<String, List<Service>> serviceGroups = new HashMap<>();
		Map<String, List<Object[]>> acls = new LinkedHashMap<>();
		List<String[]> groups = new ArrayList<>();
		Map<String, Object[]> management = new LinkedHashMap<>();
		String block = "";
		Iface iface = null;
		String object = null;
		String serviceProtocol = null;
		List<String> lines = ConfigText.lines(text);
		for (int i = 0; i < lines.size(); i++) {
			int n = i + 1;
			String raw = lines.get(i);
			String line = raw.trim();
			if (line.isEmpty() || line.startsWith("!") || line.startsWith(":")) {
				continue;
			}
			boolean nested = Character.isWhitespace(raw.charAt(0));
			List<String> t = ConfigText.tokens(line);
			try {
				if (!nested) {
					block = line;
					iface = null;
					object = null;
					serviceProtocol = null;
					if (t.get(0).equals("interface")) {
						iface = new Iface(n);
						ifaces.add(iface);
					}
					else if (line.startsWith("object network ") || line.startsWith("object-group network ")) {
						object = t.get(2);
						objects.putIfAbsent(object, false);
					}
					else if (line.startsWith("object service ") || line.startsWith("object-group service ")) {
						object = t.get(2);
						serviceProtocol = t.size() > 3 ? t.get(3) : null;
						serviceGroups.putIfAbsent(object, new ArrayList<>());
					}
					else if (t.get(0).equals("access-list") && t.size() >= 4 && !t.get(2).equals("remark")) {
						List<String> entry = t.subList(2, t.size());
						if (entry.get(0).equals("line") && entry.size() > 2) {
							entry = entry.subList(2, entry.size());
						}
						boolean standard = entry.get(0).equals("standard");
						if (entry.get(0).equals("extended") || standard) {
							entry = entry.subList(1, entry.size());
						}
						acls.computeIfAbsent(t.get(1), k -> new ArrayList<>())
							.add(new Object[] { n, line, entry, standard });
					}
					else if (t.get(0).equals("access-group") && t.size() >= 3) {
						groups.add(new String[] { t.get(1), t.get(2), t.size() >= 5 ? t.get(4) : FilterRule.ANY });
					}
					else if ((t.get(0).equals("http") || t.get(0).equals("ssh") || t.get(0).equals("telnet"))
							&& t.size() == 4 && t.get(1).matches("[0-9.]+")) {
						ManagementAccess.Protocol protocol = switch (t.get(0)) {
							case "http" -> ManagementAccess.Protocol.HTTPS;
							case "ssh" -> ManagementAccess.Protocol.SSH;
							default -> ManagementAccess.Protocol.TELNET;
						};
						String key = protocol + " " + t.get(3);
						Object[] entry = management.computeIfAbsent(key,
								k -> new Object[] { protocol, t.get(3), new ArrayList<String>(), n, line });
						@SuppressWarnings("unchecked")
						List<String> from = (List<String>) entry[2];
						from.add(t.get(1).equals("0.0.0.0") && t.get(2).equals("0.0.0.0") ? FilterRule.ANY
								: t.get(1) + " " + t.get(2));
					}
					else if (line.startsWith("hostname ")) {
						config.hostname = t.get(1);
					}
					else if (line.startsWith("username ")) {
						int password = t.indexOf("password");
						String secret = password > 0 && password + 1 < t.size() ? t.get(password + 1) : null;
						boolean plain = secret != null && !line.contains(" encrypted") && !line.contains(" pbkdf2");
						config.users.add(new LocalUser(t.get(1), secret, plain, false, false, n, line));
					}
					else if (line.startsWith("tunnel-group ") && line.contains("type remote-access")) {
						config.vpns.add(
								new VpnSetting(VpnSetting.Kind.SSL_VPN, t.get(1), List.of(), List.of(), true, n, line));
					}
					continue;
				}
				if (iface != null) {
					if (line.startsWith("nameif ")) {
						iface.nameif = t.get(1);
					}
					else if (line.startsWith("security-level ")) {
						iface.level = Integer.parseInt(t.get(1));
					}
					else if (line.startsWith("ip address dhcp") || line.startsWith("ip address pppoe")) {
						iface.dhcp = true;
					}
				}
				else if (object != null && block.startsWith("object network ")) {
					if (line.startsWith("host ")) {
						objectHosts.put(object, t.get(1));
					}
					else if (line.startsWith("subnet ") && t.size() >= 3) {
						objects.put(object, t.get(1).equals("0.0.0.0") && t.get(2).equals("0.0.0.0"));
						objectHosts.put(object, t.get(1) + " " + t.get(2));
					}
					else if (line.startsWith("nat ")) {
						PortForward forward = forward(object, objectHosts.get(object), t, n, line);
						if (forward != null) {
							config.portForwards.add(forward);
						}
					}
				}
				else if (object != null && block.startsWith("object-group network ")) {
					if (line.startsWith("network-object ") && t.size() >= 3
							&& (t.get(1).equals("0.0.0.0") && t.get(2).equals("0.0.0.0")
									|| t.get(1).equals("object") && Boolean.TRUE.equals(objects.get(t.get(2))))) {
						objects.put(object, true);
					}
					else if (line.startsWith("group-object ") && Boolean.TRUE.equals(objects.get(t.get(1)))) {
						objects.put(object, true);
					}
				}
				else if (object != null && serviceGroups.containsKey(object)) {
					serviceGroups.get(object).addAll(services(t, serviceProtocol));
				}
			}
			catch (RuntimeException ex) {
				config.skip();
			}
		}
		for (Iface each : ifaces) {
			if (each.nameif == null) {
				continue;
			}
			InterfaceRole role = InterfaceRole.INSIDE;
			String reason = "security-level " + each.level;
			if (each.level == 0 || each.nameif.toLowerCase(Locale.ROOT).startsWith("outside") || each.dhcp) {
				role = InterfaceRole.OUTSIDE;
				reason = each.level == 0 ? "security-level 0"
						: each.dhcp ? "DHCP/PPPoEでアドレスを取得" : "nameif " + each.nameif;
			}
			else if (each.level < 0) {
				role = InterfaceRole.UNKNOWN;
				reason = "";
			}
			config.iface(new NetInterface(each.nameif, role, reason, true, each.line));
		}
		for (String[] group : groups) {
			List<Object[]> entries = acls.get(group[0]);
			if (entries == null) {
				config.note("access-group " + group[0] + " のアクセスリストが定義されていません。");
				continue;
			}
			boolean inbound = !group[1].equals("out");
			List<String> on = group[1].equals("global") ? List.of(FilterRule.ANY) : List.of(group[2]);
			int index = 0;
			for (Object[] entry : entries) {
				index++;
				@SuppressWarnings("unchecked")
				List<String> tokens = (List<String>) entry[2];
				CiscoAce ace = CiscoAce.parse(tokens, (Boolean) entry[3], objects, serviceGroups);
				if (ace == null) {
					config.skip();
					continue;
				}
				config.rules.add(new FilterRule(group[0] + " #" + index, "", ace.action, !ace.inactive, ace.sources,
						ace.destinations, ace.services, on, List.of(), inbound, ace.narrowed, (Integer) entry[0],
						(String) entry[1]));
			}
		}
		for (Object[] entry : management.values()) {
			@SuppressWarnings("unchecked")
			List<String> from = (List<String>) entry[2];
			config.management.add(new ManagementAccess((ManagementAccess.Protocol) entry[0], from,
					List.of((String) entry[1]), (Integer) entry[3], (String) entry[4]));
		}
		return config.build();
	}

	/**
	 * {@code port-object eq 3389}, {@code service-object tcp destination eq 3389},
	 * {@code service tcp destination eq 3389}.
	 */
	private static List<Service> services(List<String> t, String groupProtocol) {
		List<Service> services = new ArrayList<>();
		String protocol = groupProtocol;
		int op = -1;
		if (t.get(0).equals("port-object")) {
			op = 1;
		}
		else if (t.get(0).equals("service-object") || t.get(0).equals("service")) {
			protocol = t.get(1);
			op = t.indexOf("destination") >= 0 ? t.indexOf("destination") + 1 : 2;
		}
		if (protocol == null || op < 0) {
			return services;
		}
		List<String> protocols = protocol.equals("tcp-udp") ? List.of("tcp", "udp") : List.of(protocol);
		for (String p : protocols) {
			if (!p.equals("tcp") && !p.equals("udp")) {
				services.add(p.equals("ip") ? Service.ANY : Service.allPorts(p));
				continue;
			}
			if (op >= t.size()) {
				services.add(Service.allPorts(p));
			}
			else if (t.get(op).equals("eq") && op + 1 < t.size()) {
				Ports.of(t.get(op + 1)).ifPresent(port -> services.add(new Service(p, port, port)));
			}
			else if (t.get(op).equals("range") && op + 2 < t.size()) {
				var low = Ports.of(t.get(op + 1));
				var high = Ports.of(t.get(op + 2));
				if (low.isPresent() && high.isPresent()) {
					services.add(new Service(p, low.getAsInt(), high.getAsInt()));
				}
			}
		}
		return services;
	}

	/** {@code nat (inside,outside) static interface|MAPPED [service tcp REAL MAPPED]}. */
	private static PortForward forward(String object, String host, List<String> t, int line, String text) {
		int statik = t.indexOf("static");
		if (statik < 0 || !t.get(1).startsWith("(")) {
			return null;
		}
		String pair = t.get(1).replace("(", "").replace(")", "");
		String outside = pair.contains(",") ? pair.substring(pair.indexOf(',') + 1) : FilterRule.ANY;
		int service = t.indexOf("service");
		if (service > 0 && service + 3 < t.size()) {
			String protocol = t.get(service + 1);
			var mapped = Ports.of(t.get(service + 3));
			if (mapped.isEmpty()) {
				return null;
			}
			return new PortForward(object, outside, new Service(protocol, mapped.getAsInt(), mapped.getAsInt()),
					(host == null ? object : host) + ":" + t.get(service + 2), List.of(), object, line, text);
		}
		return new PortForward(object, outside, Service.ANY, host == null ? object : host, List.of(), object, line,
				text);
	}

}
