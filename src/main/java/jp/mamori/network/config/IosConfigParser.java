package jp.mamori.network.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cisco IOS / IOS-XE {@code show running-config}. An access list is a packet filter only
 * where an interface applies it ({@code ip access-group NAME in|out}); the same list in
 * {@code access-class} restricts management, and in {@code distribute-list},
 * {@code route-map} or NAT it filters routes or addresses, not packets.
 */
final class IosConfigParser implements ConfigParser {

	@Override
	public Vendor vendor() {
		return Vendor.IOS;
	}

	@Override
	public int score(List<String> lines) {
		int asa = ConfigParser.count(lines, "ASA Version", "nameif ", "security-level ", "access-group ");
		if (asa > 0) {
			return 0;
		}
		return 2 * ConfigParser.count(lines, "interface GigabitEthernet", "interface FastEthernet", "interface Dialer",
				"interface Vlan", "ip access-list ", "access-list ", "line vty", "ip route ", "ip http ", "router ",
				"ip nat ", "snmp-server ", "service password-encryption", "version 1") + ConfigParser.count(lines, "!");
	}

	private static final class Acl {

		final String name;

		final boolean standard;

		final List<Object[]> entries = new ArrayList<>();

		Acl(String name, boolean standard) {
			this.name = name;
			this.standard = standard;
		}

	}

	private static final class Iface {

		final String name;

		final int line;

		InterfaceRole role = InterfaceRole.UNKNOWN;

		String reason = "";

		final Map<String, Boolean> groups = new LinkedHashMap<>();

		Iface(String name, int line) {
			this.name = name;
			this.line = line;
		}

		void role(InterfaceRole decided, String why) {
			if (role == InterfaceRole.UNKNOWN || decided == InterfaceRole.OUTSIDE) {
				role = decided;
				reason = why;
			}
		}

	}

	@Override
	public DeviceConfig parse(String file, String text) {
		DeviceConfig.Builder config = new DeviceConfig.Builder(file, Vendor.IOS);
		Map<String, Acl> acls = new LinkedHashMap<>();
		Map<String, Iface> ifaces = new LinkedHashMap<>();
		Set<String> routeFilters = new LinkedHashSet<>();
		String block = "";
		Iface iface = null;
		Acl acl = null;
		List<String> vtyTransport = null;
		String vtyAccessClass = null;
		int vtyLine = 0;
		String vtyText = "";
		boolean anyVty = false;
		boolean vtyTelnetDefault = false;
		List<String> lines = ConfigText.lines(text);
		List<Object[]> deferred = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			int n = i + 1;
			String raw = lines.get(i);
			String line = raw.trim();
			if (line.isEmpty() || line.startsWith("!")) {
				continue;
			}
			boolean nested = Character.isWhitespace(raw.charAt(0));
			List<String> t = ConfigText.tokens(line);
			try {
				if (!nested) {
					if (block.startsWith("line vty")) {
						deferred.add(new Object[] { vtyTransport, vtyAccessClass, vtyLine, vtyText });
					}
					block = line;
					iface = null;
					acl = null;
					if (t.get(0).equals("interface")) {
						iface = ifaces.computeIfAbsent(String.join("", t.subList(1, t.size())), k -> new Iface(k, n));
						if (iface.name.toLowerCase(Locale.ROOT).startsWith("dialer")) {
							iface.role(InterfaceRole.OUTSIDE, "ダイヤラ（PPPoE）インタフェース");
						}
					}
					else if (line.startsWith("ip access-list extended ")
							|| line.startsWith("ip access-list standard ")) {
						acl = acls.computeIfAbsent(t.get(3), k -> new Acl(k, t.get(2).equals("standard")));
					}
					else if (t.get(0).equals("access-list") && t.size() >= 3) {
						int number = numberOrMinus(t.get(1));
						boolean standard = (number >= 1 && number <= 99) || (number >= 1300 && number <= 1999);
						Acl numbered = acls.computeIfAbsent(t.get(1), k -> new Acl(k, standard));
						if (!t.get(2).equals("remark")) {
							numbered.entries.add(new Object[] { n, line, t.subList(2, t.size()) });
						}
					}
					else if (line.startsWith("line vty")) {
						anyVty = true;
						vtyTransport = null;
						vtyAccessClass = null;
						vtyLine = n;
						vtyText = line;
					}
					else if (line.startsWith("hostname ")) {
						config.hostname = t.get(1);
					}
					else if (line.startsWith("ip route 0.0.0.0 0.0.0.0 ") && t.size() >= 5
							&& !t.get(4).matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
						Iface exit = ifaces.computeIfAbsent(t.get(4), k -> new Iface(k, n));
						exit.role(InterfaceRole.OUTSIDE, "デフォルトルートの出口");
					}
					else if (line.startsWith("ip http server")) {
						config.management
							.add(new ManagementAccess(ManagementAccess.Protocol.HTTP, List.of(), List.of(), n, line));
					}
					else if (line.startsWith("ip http secure-server")) {
						config.management
							.add(new ManagementAccess(ManagementAccess.Protocol.HTTPS, List.of(), List.of(), n, line));
					}
					else if (line.startsWith("ip http access-class ")) {
						String name = t.get(t.size() - 1);
						deferred.add(new Object[] { "http", name });
					}
					else if (line.startsWith("snmp-server community ")) {
						// snmp-server community STRING [view V] RO|RW [ACL]
						int mode = Math.max(t.indexOf("RO"), t.indexOf("RW"));
						String restriction = mode >= 0 && mode + 1 < t.size() ? t.get(mode + 1) : null;
						deferred.add(new Object[] { "snmp", restriction, n, line });
					}
					else if (line.startsWith("ip nat inside source static ")) {
						PortForward forward = forward(t, n, line);
						if (forward == null) {
							config.skip();
						}
						else {
							config.portForwards.add(forward);
						}
					}
					else if (line.startsWith("ip nat inside source list ") || line.startsWith("route-map ")) {
						if (line.startsWith("ip nat")) {
							routeFilters.add(t.get(5));
						}
					}
					else if (line.startsWith("username ")) {
						config.users.add(user(t, n, line));
					}
					else if (line.startsWith("enable password ")) {
						boolean plain = t.size() == 3 || t.get(2).equals("0");
						config.users.add(new LocalUser("enable", t.get(t.size() - 1), plain, false, false, n, line));
					}
					continue;
				}
				// lines inside a block
				if (iface != null) {
					if (line.startsWith("ip address dhcp")) {
						iface.role(InterfaceRole.OUTSIDE, "DHCPでアドレスを取得");
					}
					else if (line.startsWith("ip address ") && t.size() >= 3) {
						if (ConfigText.isPrivate(t.get(2))) {
							iface.role(InterfaceRole.INSIDE, "プライベートアドレス " + t.get(2));
						}
						else if (t.get(2).matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
							iface.role(InterfaceRole.OUTSIDE, "グローバルアドレス " + t.get(2));
						}
					}
					else if (line.equals("ip nat outside")) {
						iface.role(InterfaceRole.OUTSIDE, "ip nat outside");
					}
					else if (line.equals("ip nat inside")) {
						iface.role(InterfaceRole.INSIDE, "ip nat inside");
					}
					else if (line.startsWith("pppoe-client") || line.startsWith("pppoe enable")) {
						iface.role(InterfaceRole.OUTSIDE, "PPPoE");
					}
					else if (line.startsWith("description ")) {
						String description = line.substring(12).toLowerCase(Locale.ROOT);
						if (description.matches(".*\\b(wan|internet|isp|outside)\\b.*")
								|| description.contains("インターネット")) {
							iface.role(InterfaceRole.OUTSIDE, "説明 " + line.substring(12));
						}
					}
					else if (line.startsWith("ip access-group ") && t.size() >= 4) {
						iface.groups.put(t.get(2), t.get(3).equals("in"));
					}
				}
				else if (acl != null) {
					List<String> entry = t;
					if (!entry.isEmpty() && entry.get(0).matches("\\d+")) {
						entry = entry.subList(1, entry.size());
					}
					if (!entry.isEmpty() && !entry.get(0).equals("remark")) {
						acl.entries.add(new Object[] { n, line, entry });
					}
				}
				else if (block.startsWith("line vty")) {
					if (line.startsWith("transport input ")) {
						vtyTransport = t.subList(2, t.size());
						vtyLine = n;
						vtyText = line;
					}
					else if (line.startsWith("access-class ") && t.size() >= 3
							&& (t.size() < 3 || !"out".equals(t.get(t.size() - 1)))) {
						vtyAccessClass = t.get(1);
					}
				}
				else if (block.startsWith("router ") && line.startsWith("distribute-list ") && t.size() >= 2) {
					routeFilters.add(t.get(t.get(1).equals("prefix") ? 2 : 1));
				}
				else if (block.startsWith("route-map ") && line.startsWith("match ip address ") && t.size() >= 4) {
					routeFilters.addAll(t.subList(3, t.size()));
				}
			}
			catch (IndexOutOfBoundsException ex) {
				config.skip();
			}
		}
		if (block.startsWith("line vty")) {
			deferred.add(new Object[] { vtyTransport, vtyAccessClass, vtyLine, vtyText });
		}
		Set<String> packetFilters = new LinkedHashSet<>();
		for (Iface each : ifaces.values()) {
			boolean filteredIn = each.groups.containsValue(Boolean.TRUE);
			config.iface(new NetInterface(each.name, each.role, each.reason, filteredIn, each.line));
			for (Map.Entry<String, Boolean> group : each.groups.entrySet()) {
				packetFilters.add(group.getKey());
				Acl list = acls.get(group.getKey());
				if (list == null) {
					config.note("インタフェース " + each.name + " の ip access-group " + group.getKey()
							+ " は定義されていません（IOSではすべて許可されます）。");
					continue;
				}
				addRules(config, list, each.name, group.getValue());
			}
		}
		for (String name : routeFilters) {
			if (acls.containsKey(name) && !packetFilters.contains(name)) {
				config.note("アクセスリスト " + name + " は経路・NATの指定に使われており、パケットフィルタではありません。");
			}
		}
		for (Object[] item : deferred) {
			if (item[0] instanceof String kind && kind.equals("http")) {
				restrictHttp(config, acls.get((String) item[1]), (String) item[1]);
			}
			else if (item[0] instanceof String kind && kind.equals("snmp")) {
				String restriction = (String) item[1];
				List<String> from = restriction == null ? List.of() : sources(acls.get(restriction), restriction);
				config.management.add(new ManagementAccess(ManagementAccess.Protocol.SNMP, from, List.of(),
						(Integer) item[2], (String) item[3]));
			}
			else {
				vty(config, acls, item);
				vtyTelnetDefault |= item[0] == null;
			}
		}
		if (anyVty && vtyTelnetDefault) {
			config.note("line vty に transport input の指定がありません。IOSの版によっては Telnet で接続できます（transport input ssh を推奨）。");
		}
		return config.build();
	}

	private static int numberOrMinus(String token) {
		try {
			return Integer.parseInt(token);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static void addRules(DeviceConfig.Builder config, Acl acl, String iface, boolean inbound) {
		int index = 0;
		for (Object[] entry : acl.entries) {
			index++;
			@SuppressWarnings("unchecked")
			List<String> tokens = (List<String>) entry[2];
			CiscoAce ace = CiscoAce.parse(tokens, acl.standard, Map.of(), Map.of());
			if (ace == null) {
				config.skip();
				continue;
			}
			config.rules.add(new FilterRule(acl.name + " #" + index, "", ace.action, !ace.inactive, ace.sources,
					ace.destinations, ace.services, List.of(iface), List.of(), inbound, ace.narrowed,
					(Integer) entry[0], (String) entry[1]));
		}
	}

	/** The sources an ACL permits; {@code any} when it permits any. */
	private static List<String> sources(Acl acl, String name) {
		if (acl == null) {
			// an undefined ACL restricts nothing
			return List.of(FilterRule.ANY);
		}
		List<String> sources = new ArrayList<>();
		for (Object[] entry : acl.entries) {
			@SuppressWarnings("unchecked")
			List<String> tokens = (List<String>) entry[2];
			CiscoAce ace = CiscoAce.parse(tokens, acl.standard, Map.of(), Map.of());
			if (ace != null && ace.action == Action.PERMIT) {
				sources.addAll(ace.sources);
			}
		}
		return sources.isEmpty() ? List.of("acl " + name) : sources;
	}

	private static void restrictHttp(DeviceConfig.Builder config, Acl acl, String name) {
		List<ManagementAccess> updated = new ArrayList<>();
		for (ManagementAccess access : config.management) {
			boolean web = access.protocol() == ManagementAccess.Protocol.HTTP
					|| access.protocol() == ManagementAccess.Protocol.HTTPS;
			updated.add(web ? new ManagementAccess(access.protocol(), sources(acl, name), access.interfaces(),
					access.line(), access.text()) : access);
		}
		config.management.clear();
		config.management.addAll(updated);
	}

	private static void vty(DeviceConfig.Builder config, Map<String, Acl> acls, Object[] item) {
		@SuppressWarnings("unchecked")
		List<String> transport = (List<String>) item[0];
		String accessClass = (String) item[1];
		List<String> from = accessClass == null ? List.of() : sources(acls.get(accessClass), accessClass);
		if (transport == null || transport.contains("none")) {
			if (transport == null) {
				config.management.add(new ManagementAccess(ManagementAccess.Protocol.SSH, from, List.of(),
						(Integer) item[2], (String) item[3]));
			}
			return;
		}
		if (transport.contains("all") || transport.contains("telnet")) {
			config.management.add(new ManagementAccess(ManagementAccess.Protocol.TELNET, from, List.of(),
					(Integer) item[2], (String) item[3]));
		}
		if (transport.contains("all") || transport.contains("ssh")) {
			config.management.add(new ManagementAccess(ManagementAccess.Protocol.SSH, from, List.of(),
					(Integer) item[2], (String) item[3]));
		}
	}

	/**
	 * {@code ip nat inside source static [tcp|udp] LOCAL [LPORT] GLOBAL|interface IF
	 * [GPORT] …}.
	 */
	private static PortForward forward(List<String> t, int line, String text) {
		int i = 5;
		String protocol = t.get(i);
		if (protocol.equals("tcp") || protocol.equals("udp")) {
			String local = t.get(i + 1);
			String localPort = t.get(i + 2);
			String outside;
			String port;
			if (t.get(i + 3).equals("interface")) {
				outside = t.get(i + 4);
				port = t.get(i + 5);
			}
			else {
				outside = FilterRule.ANY;
				port = t.get(i + 4);
			}
			var global = Ports.of(port);
			if (global.isEmpty()) {
				return null;
			}
			return new PortForward(local + ":" + localPort, outside,
					new Service(protocol, global.getAsInt(), global.getAsInt()), local + ":" + localPort, List.of(),
					null, line, text);
		}
		String local = t.get(i);
		String outside = t.size() > i + 2 && t.get(i + 1).equals("interface") ? t.get(i + 2) : FilterRule.ANY;
		return new PortForward(local, outside, Service.ANY, local, List.of(), null, line, text);
	}

	private static LocalUser user(List<String> t, int line, String text) {
		String name = t.get(1);
		for (int i = 2; i < t.size(); i++) {
			String key = t.get(i);
			if (key.equals("password") || key.equals("secret")) {
				boolean typed = i + 2 < t.size() && t.get(i + 1).matches("\\d");
				String value = typed ? t.get(i + 2) : (i + 1 < t.size() ? t.get(i + 1) : null);
				boolean plain = key.equals("password") && (!typed || t.get(i + 1).equals("0"));
				return new LocalUser(name, value, plain, false, false, line, text);
			}
		}
		return new LocalUser(name, null, false, false, false, line, text);
	}

}
