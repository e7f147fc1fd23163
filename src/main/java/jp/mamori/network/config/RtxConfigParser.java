package jp.mamori.network.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * YAMAHA RTX / NVR {@code show config}. Filters are defined once ({@code ip filter N …})
 * and take effect only where an interface lists them ({@code ip lan2 secure filter in …},
 * {@code ip pp secure filter in …} inside {@code pp select N}); the list order is the
 * evaluation order. Management services follow {@code httpd host}, {@code telnetd host},
 * {@code sshd service}/{@code sshd host}, {@code tftp host}, {@code snmp host}.
 */
final class RtxConfigParser implements ConfigParser {

	@Override
	public Vendor vendor() {
		return Vendor.RTX;
	}

	@Override
	public int score(List<String> lines) {
		return 2 * ConfigParser.count(lines, "ip lan", "ip pp ", "ip filter ", "nat descriptor ", "pp select",
				"tunnel select", "ip route default gateway", "administrator password", "login password", "httpd host",
				"console character", "dhcp scope", "pp disable", "no tunnel enable");
	}

	/** What the file says about one filter number. */
	private record FilterDefinition(String number, List<String> args, int line, String text) {
	}

	/** One {@code secure filter} list. */
	private record Binding(String iface, boolean inbound, List<String> numbers, int line) {
	}

	private static final class IfaceFacts {

		final String name;

		int line;

		InterfaceRole role = InterfaceRole.UNKNOWN;

		String reason = "";

		boolean filteredIn;

		IfaceFacts(String name) {
			this.name = name;
		}

		void outside(String why) {
			role = InterfaceRole.OUTSIDE;
			reason = reason.isEmpty() ? why : reason + "、" + why;
		}

		void inside(String why) {
			if (role == InterfaceRole.UNKNOWN) {
				role = InterfaceRole.INSIDE;
				reason = why;
			}
		}

	}

	@Override
	public DeviceConfig parse(String file, String text) {
		DeviceConfig.Builder config = new DeviceConfig.Builder(file, Vendor.RTX);
		Map<String, FilterDefinition> filters = new HashMap<>();
		List<Binding> bindings = new ArrayList<>();
		Map<String, IfaceFacts> ifaces = new LinkedHashMap<>();
		Map<String, String> natIface = new HashMap<>();
		List<String[]> statics = new ArrayList<>();
		Map<String, String> ikeRemote = new LinkedHashMap<>();
		Map<String, Integer> ikeLine = new HashMap<>();
		String pp = null;
		String tunnel = null;
		boolean loginPassword = false;
		boolean adminPassword = false;
		boolean l2tp = false;
		int l2tpLine = 0;
		String l2tpText = "";
		boolean sshOn = false;
		int sshLine = 0;
		String sshText = "";
		List<String> sshHosts = null;
		int sshHostLine = 0;
		String sshHostText = "";
		boolean telnetOff = false;
		boolean telnetMentioned = false;
		List<String> lines = ConfigText.lines(text);
		for (int i = 0; i < lines.size(); i++) {
			int n = i + 1;
			String line = lines.get(i).trim();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			List<String> t = ConfigText.tokens(line);
			String lower = line.toLowerCase(Locale.ROOT);
			try {
				if (lower.startsWith("pp select ")) {
					pp = t.get(2).equals("none") ? null
							: "pp" + (t.get(2).equals("anonymous") ? "-anonymous" : t.get(2));
					tunnel = null;
					if (pp != null) {
						IfaceFacts facts = ifaces.computeIfAbsent(pp, IfaceFacts::new);
						facts.line = facts.line == 0 ? n : facts.line;
						if (pp.equals("pp-anonymous")) {
							facts.inside("リモートアクセス（認証済みのVPN接続）");
						}
					}
				}
				else if (lower.startsWith("tunnel select ")) {
					tunnel = t.get(2).equals("none") ? null : "tunnel" + t.get(2);
					pp = null;
					if (tunnel != null) {
						IfaceFacts facts = ifaces.computeIfAbsent(tunnel, IfaceFacts::new);
						facts.line = facts.line == 0 ? n : facts.line;
						facts.inside("VPNトンネル");
					}
				}
				else if (lower.startsWith("pppoe use ") && pp != null) {
					ifaces.computeIfAbsent(pp, IfaceFacts::new).outside("PPPoEでインターネットに接続 (" + t.get(2) + ")");
				}
				else if (lower.startsWith("ip filter dynamic ") || lower.startsWith("ip filter source-route")
						|| lower.startsWith("ip filter directed-broadcast") || lower.startsWith("ip filter set ")) {
					// stateful (dynamic) filters only open replies; the others are
					// switches
				}
				else if (lower.startsWith("ip filter ")) {
					filters.put(t.get(2), new FilterDefinition(t.get(2), t.subList(3, t.size()), n, line));
				}
				else if (lower.startsWith("ip ") && t.size() >= 5 && t.get(2).equals("secure")
						&& t.get(3).equals("filter")) {
					String iface = ifaceName(t.get(1), pp, tunnel);
					boolean in = t.get(4).equals("in");
					List<String> numbers = new ArrayList<>();
					for (String number : t.subList(5, t.size())) {
						if (number.equals("dynamic")) {
							break;
						}
						numbers.add(number);
					}
					bindings.add(new Binding(iface, in, numbers, n));
					IfaceFacts facts = ifaces.computeIfAbsent(iface, IfaceFacts::new);
					facts.line = facts.line == 0 ? n : facts.line;
					if (in && !numbers.isEmpty()) {
						facts.filteredIn = true;
					}
				}
				else if (lower.startsWith("ip ") && t.size() >= 4 && t.get(2).equals("address")) {
					String iface = ifaceName(t.get(1), pp, tunnel);
					IfaceFacts facts = ifaces.computeIfAbsent(iface, IfaceFacts::new);
					facts.line = facts.line == 0 ? n : facts.line;
					String address = t.get(3);
					if (address.equals("dhcp")) {
						facts.outside("DHCPでアドレスを取得");
					}
					else if (ConfigText.isPrivate(address)) {
						facts.inside("プライベートアドレス " + address);
					}
					else if (address.matches("\\d+\\.\\d+\\.\\d+\\.\\d+(/\\d+)?")) {
						facts.outside("グローバルアドレス " + address);
					}
				}
				else if (lower.startsWith("ip ") && t.size() >= 5 && t.get(2).equals("nat")
						&& t.get(3).equals("descriptor")) {
					String iface = ifaceName(t.get(1), pp, tunnel);
					IfaceFacts facts = ifaces.computeIfAbsent(iface, IfaceFacts::new);
					facts.line = facts.line == 0 ? n : facts.line;
					facts.outside("NATの外側 (nat descriptor " + t.get(4) + ")");
					for (String descriptor : t.subList(4, t.size())) {
						natIface.putIfAbsent(descriptor, iface);
					}
				}
				else if (lower.startsWith("ip route default gateway ")) {
					String via = defaultRouteIface(t);
					if (via != null) {
						IfaceFacts facts = ifaces.computeIfAbsent(via, IfaceFacts::new);
						facts.line = facts.line == 0 ? n : facts.line;
						facts.outside("デフォルトルートの出口");
					}
				}
				else if (lower.startsWith("nat descriptor masquerade static ")) {
					statics.add(new String[] { String.valueOf(n), line });
				}
				else if (lower.startsWith("nat descriptor static ")) {
					statics.add(new String[] { String.valueOf(n), line });
				}
				else if (lower.startsWith("login password")) {
					loginPassword = true;
					config.users.add(
							new LocalUser("(login)", secret(t, 2), !line.contains("encrypted"), false, false, n, line));
				}
				else if (lower.startsWith("administrator password")) {
					adminPassword = true;
					config.users.add(new LocalUser("(administrator)", secret(t, 2), !line.contains("encrypted"), false,
							false, n, line));
				}
				else if (lower.startsWith("login user ") && t.size() >= 3) {
					config.users
						.add(new LocalUser(t.get(2), secret(t, 3), !line.contains("encrypted"), false, false, n, line));
				}
				else if (lower.startsWith("pp auth username ") && t.size() >= 4) {
					config.users
						.add(new LocalUser(t.get(3), t.size() > 4 ? t.get(4) : null, true, false, true, n, line));
				}
				else if (lower.startsWith("httpd host ")) {
					management(config, ManagementAccess.Protocol.HTTP, t.subList(2, t.size()), n, line);
				}
				else if (lower.startsWith("telnetd host ")) {
					telnetMentioned = true;
					management(config, ManagementAccess.Protocol.TELNET, t.subList(2, t.size()), n, line);
				}
				else if (lower.startsWith("telnetd service ")) {
					telnetMentioned = true;
					telnetOff = t.get(2).equals("off");
				}
				else if (lower.startsWith("tftp host ")) {
					management(config, ManagementAccess.Protocol.TFTP, t.subList(2, t.size()), n, line);
				}
				else if (lower.startsWith("snmp host ") || lower.startsWith("snmpv2c host ")
						|| lower.startsWith("snmpv1 host ")) {
					management(config, ManagementAccess.Protocol.SNMP, t.subList(2, t.size()), n, line);
				}
				else if (lower.startsWith("sshd service ")) {
					sshOn = t.get(2).equals("on");
					sshLine = n;
					sshText = line;
				}
				else if (lower.startsWith("sshd host ") && !lower.startsWith("sshd host key")) {
					sshHosts = t.subList(2, t.size());
					sshHostLine = n;
					sshHostText = line;
				}
				else if (lower.startsWith("ipsec ike remote address ") && t.size() >= 6) {
					ikeRemote.put(t.get(4), t.get(5));
					ikeLine.put(t.get(4), n);
				}
				else if (lower.startsWith("l2tp service on")) {
					l2tp = true;
					l2tpLine = n;
					l2tpText = line;
				}
			}
			catch (IndexOutOfBoundsException ex) {
				config.skip();
			}
		}
		if (sshOn) {
			// without an sshd host line the RTX accepts SSH from any host
			if (sshHosts == null) {
				management(config, ManagementAccess.Protocol.SSH, List.of("any"), sshLine, sshText);
			}
			else {
				management(config, ManagementAccess.Protocol.SSH, sshHosts, sshHostLine, sshHostText);
			}
		}
		if (!telnetMentioned) {
			config.note("telnetd の設定行がありません。機種とファームウェアの初期値によっては Telnet で管理接続できます" + "（不要なら telnetd service off）。");
		}
		if (telnetOff) {
			config.management.removeIf(m -> m.protocol() == ManagementAccess.Protocol.TELNET);
		}
		// an interface with no fact is lan1 (the LAN side by factory default) or unknown
		IfaceFacts lan1 = ifaces.get("lan1");
		if (lan1 != null) {
			lan1.inside("LAN側の既定インタフェース");
		}
		for (IfaceFacts facts : ifaces.values()) {
			config.iface(new NetInterface(facts.name, facts.role, facts.reason, facts.filteredIn, facts.line));
		}
		expandLanKeyword(config, ifaces.keySet());
		for (Binding binding : bindings) {
			for (String number : binding.numbers()) {
				FilterDefinition definition = filters.get(number);
				if (definition == null) {
					config.note("ip " + binding.iface() + " secure filter の " + number + " 番は定義されていません（"
							+ binding.line() + "行目）。");
					continue;
				}
				FilterRule rule = rule(definition, binding);
				if (rule == null) {
					config.skip();
				}
				else {
					config.rules.add(rule);
				}
			}
		}
		if (filters.isEmpty() && bindings.isEmpty()) {
			config.note("ip filter と secure filter の設定が1行もありません。");
		}
		for (String[] entry : statics) {
			PortForward forward = forward(Integer.parseInt(entry[0]), entry[1], natIface);
			if (forward == null) {
				config.skip();
			}
			else {
				config.portForwards.add(forward);
			}
		}
		for (Map.Entry<String, String> remote : ikeRemote.entrySet()) {
			boolean any = remote.getValue().equals("any");
			config.vpns.add(new VpnSetting(l2tp ? VpnSetting.Kind.L2TP : VpnSetting.Kind.IPSEC,
					"ipsec gateway " + remote.getKey(), any ? List.of() : List.of(remote.getValue()), List.of(), any,
					ikeLine.get(remote.getKey()),
					"ipsec ike remote address " + remote.getKey() + " " + remote.getValue()));
		}
		if (l2tp && ikeRemote.isEmpty()) {
			config.vpns
				.add(new VpnSetting(VpnSetting.Kind.L2TP, "l2tp", List.of(), List.of(), true, l2tpLine, l2tpText));
		}
		if (!loginPassword) {
			config.users.add(new LocalUser("(login)", null, false, false, false, 0, ""));
		}
		if (!adminPassword) {
			config.users.add(new LocalUser("(administrator)", null, false, false, false, 0, ""));
		}
		return config.build();
	}

	private static String secret(List<String> t, int from) {
		List<String> rest = t.subList(Math.min(from, t.size()), t.size());
		if (!rest.isEmpty() && rest.get(0).equals("encrypted")) {
			rest = rest.subList(1, rest.size());
		}
		return rest.isEmpty() ? null : rest.get(0);
	}

	private static String ifaceName(String token, String pp, String tunnel) {
		if (token.equals("pp")) {
			return pp == null ? "pp" : pp;
		}
		if (token.equals("tunnel")) {
			return tunnel == null ? "tunnel" : tunnel;
		}
		return token;
	}

	private static String defaultRouteIface(List<String> t) {
		// ip route default gateway pp 1 | dhcp lan2 | tunnel 1 | 203.0.113.1
		for (int i = 4; i < t.size(); i++) {
			String token = t.get(i);
			if ((token.equals("pp") || token.equals("tunnel")) && i + 1 < t.size()) {
				return token + t.get(i + 1);
			}
			if (token.equals("dhcp") && i + 1 < t.size()) {
				return t.get(i + 1);
			}
			if (token.matches("lan\\d+(\\.\\d+)?")) {
				return token;
			}
		}
		return null;
	}

	private static void management(DeviceConfig.Builder config, ManagementAccess.Protocol protocol, List<String> hosts,
			int line, String text) {
		if (hosts.isEmpty() || hosts.contains("none")) {
			return;
		}
		List<String> sources = new ArrayList<>();
		List<String> interfaces = new ArrayList<>();
		for (String host : hosts) {
			if (host.equals("any")) {
				sources.add(FilterRule.ANY);
			}
			else if (host.equals("lan") || host.matches("lan\\d+(\\.\\d+)?") || host.startsWith("pp")
					|| host.startsWith("tunnel")) {
				interfaces.add(host);
			}
			else {
				sources.addAll(List.of(host.split(",")));
			}
		}
		if (!interfaces.isEmpty() && !sources.contains(FilterRule.ANY) && sources.isEmpty()) {
			sources.add(FilterRule.ANY);
		}
		config.management.add(new ManagementAccess(protocol, sources, interfaces, line, text));
	}

	/** {@code httpd host lan} means every LAN interface, the WAN-side lan2 included. */
	private static void expandLanKeyword(DeviceConfig.Builder config, Set<String> known) {
		List<ManagementAccess> expanded = new ArrayList<>();
		for (ManagementAccess access : config.management) {
			if (!access.interfaces().contains("lan")) {
				expanded.add(access);
				continue;
			}
			Set<String> interfaces = new LinkedHashSet<>();
			for (String iface : access.interfaces()) {
				if (iface.equals("lan")) {
					known.stream().filter(k -> k.startsWith("lan")).forEach(interfaces::add);
				}
				else {
					interfaces.add(iface);
				}
			}
			expanded.add(new ManagementAccess(access.protocol(), access.allowedFrom(),
					interfaces.isEmpty() ? List.of("lan1") : List.copyOf(interfaces), access.line(), access.text()));
		}
		config.management.clear();
		config.management.addAll(expanded);
	}

	/** {@code ip filter N ACTION SRC [DST [PROTO [SPORT [DPORT]]]]}. */
	private static FilterRule rule(FilterDefinition definition, Binding binding) {
		List<String> a = definition.args();
		if (a.isEmpty()) {
			return null;
		}
		String verb = a.get(0);
		Action action;
		if (verb.startsWith("pass") || verb.startsWith("restrict")) {
			// restrict passes while the line is up, which for an always-on line is always
			action = Action.PERMIT;
		}
		else if (verb.startsWith("reject")) {
			action = Action.DENY;
		}
		else {
			return null;
		}
		String src = arg(a, 1);
		String dst = arg(a, 2);
		String proto = arg(a, 3);
		String sport = arg(a, 4);
		String dport = arg(a, 5);
		boolean narrowed = !sport.equals("*");
		List<String> protocols = new ArrayList<>();
		for (String p : proto.split(",")) {
			switch (p) {
				case "*" -> protocols.add("any");
				case "established" -> {
					if (action == Action.PERMIT) {
						action = Action.REPLY;
					}
					protocols.add("tcp");
					narrowed = true;
				}
				case "6", "tcp" -> protocols.add("tcp");
				case "17", "udp" -> protocols.add("udp");
				case "1", "icmp" -> protocols.add("icmp");
				default -> {
					if (p.startsWith("tcp")) {
						// tcpfin, tcprst, tcpsyn, tcpflag=…: only some TCP segments
						protocols.add("tcp");
						narrowed = true;
					}
					else if (p.startsWith("icmp")) {
						protocols.add("icmp");
						narrowed = true;
					}
					else {
						protocols.add(p);
					}
				}
			}
		}
		List<Service> services = new ArrayList<>();
		for (String protocol : protocols) {
			if (protocol.equals("any")) {
				services.add(Service.ANY);
			}
			else if (protocol.equals("tcp") || protocol.equals("udp")) {
				for (int[] range : portRanges(dport)) {
					services.add(new Service(protocol, range[0], range[1]));
				}
			}
			else {
				services.add(Service.allPorts(protocol));
			}
		}
		if (services.isEmpty()) {
			return null;
		}
		return new FilterRule(definition.number(), "", action, true, addresses(src), addresses(dst), services,
				List.of(binding.iface()), List.of(), binding.inbound(), narrowed, definition.line(), definition.text());
	}

	private static String arg(List<String> a, int index) {
		return index < a.size() ? a.get(index) : "*";
	}

	private static List<String> addresses(String token) {
		if (token.equals("*")) {
			return List.of(FilterRule.ANY);
		}
		return List.of(token.split(","));
	}

	/**
	 * {@code *}, {@code 22}, {@code www,21}, {@code 6000-6063}, {@code 1024-},
	 * {@code netbios_ns-netbios_ssn}.
	 */
	static List<int[]> portRanges(String token) {
		List<int[]> ranges = new ArrayList<>();
		if (token.equals("*")) {
			ranges.add(new int[] { 0, 65535 });
			return ranges;
		}
		for (String part : token.split(",")) {
			int dash = part.indexOf('-', 1);
			if (dash > 0 && Ports.of(part).isEmpty()) {
				String from = part.substring(0, dash);
				String to = part.substring(dash + 1);
				OptionalInt low = Ports.of(from);
				OptionalInt high = to.isEmpty() ? OptionalInt.of(65535) : Ports.of(to);
				if (low.isPresent() && high.isPresent()) {
					ranges.add(new int[] { low.getAsInt(), high.getAsInt() });
				}
			}
			else if (part.startsWith("-") && part.length() > 1) {
				Ports.of(part.substring(1)).ifPresent(high -> ranges.add(new int[] { 0, high }));
			}
			else {
				Ports.of(part).ifPresent(port -> ranges.add(new int[] { port, port }));
			}
		}
		return ranges;
	}

	/**
	 * {@code nat descriptor masquerade static K ID INNER PROTO [OUTER=]INNERPORT} or
	 * {@code nat descriptor static K ID OUTER=INNER [COUNT]}.
	 */
	private static PortForward forward(int line, String text, Map<String, String> natIface) {
		List<String> t = ConfigText.tokens(text);
		if (t.get(2).equals("masquerade")) {
			if (t.size() < 8) {
				return null;
			}
			String descriptor = t.get(4);
			String inner = t.get(6);
			String protocol = t.get(7).toLowerCase(Locale.ROOT);
			String ports = t.size() > 8 ? t.get(8) : "*";
			String outer = ports.contains("=") ? ports.substring(0, ports.indexOf('=')) : ports;
			String innerPort = ports.contains("=") ? ports.substring(ports.indexOf('=') + 1) : ports;
			Service service;
			if (protocol.equals("tcp") || protocol.equals("udp")) {
				List<int[]> ranges = portRanges(outer);
				if (ranges.isEmpty()) {
					return null;
				}
				service = new Service(protocol, ranges.get(0)[0], ranges.get(0)[1]);
			}
			else {
				service = Service.allPorts(protocol);
			}
			return new PortForward(descriptor + " " + t.get(5), natIface.getOrDefault(descriptor, FilterRule.ANY),
					service, inner + (innerPort.equals("*") ? "" : ":" + innerPort), List.of(), null, line, text);
		}
		if (t.size() < 6 || !t.get(5).contains("=")) {
			return null;
		}
		String descriptor = t.get(3);
		String[] pair = t.get(5).split("=", 2);
		return new PortForward(descriptor + " " + t.get(4), natIface.getOrDefault(descriptor, FilterRule.ANY),
				Service.ANY, pair[1], List.of(), null, line, text);
	}

}
