package jp.mamori.network.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One Cisco access-list entry (IOS or ASA syntax), parsed from its tokens starting at the
 * action. IOS writes wildcard masks and ASA network masks; both only matter here to tell
 * "any" from a restricted address, so they are kept as written.
 */
final class CiscoAce {

	final Action action;

	final List<String> sources;

	final List<String> destinations;

	final List<Service> services;

	final boolean narrowed;

	final boolean inactive;

	private CiscoAce(Action action, List<String> sources, List<String> destinations, List<Service> services,
			boolean narrowed, boolean inactive) {
		this.action = action;
		this.sources = sources;
		this.destinations = destinations;
		this.services = services;
		this.narrowed = narrowed;
		this.inactive = inactive;
	}

	/**
	 * Parses {@code permit|deny …}; {@code null} for remarks and what cannot be read.
	 * @param t tokens starting with the action
	 * @param standard whether this is a standard (source-only) ACL
	 * @param objects network objects and groups whose value is any (ASA)
	 * @param serviceGroups service object-groups (ASA)
	 */
	static CiscoAce parse(List<String> t, boolean standard, Map<String, Boolean> objects,
			Map<String, List<Service>> serviceGroups) {
		if (t.isEmpty()) {
			return null;
		}
		Action action = switch (t.get(0)) {
			case "permit" -> Action.PERMIT;
			case "deny" -> Action.DENY;
			default -> null;
		};
		if (action == null) {
			return null;
		}
		boolean inactive = t.contains("inactive");
		if (standard) {
			if (t.size() < 2) {
				return null;
			}
			int[] next = new int[1];
			String source = address(t, 1, next, objects);
			return source == null ? null : new CiscoAce(action, List.of(source), List.of(FilterRule.ANY),
					List.of(Service.ANY), false, inactive);
		}
		if (t.size() < 4) {
			return null;
		}
		String proto = t.get(1);
		int i = 2;
		List<Service> protocols = new ArrayList<>();
		if (proto.equals("object-group") || proto.equals("object")) {
			protocols.addAll(serviceGroups.getOrDefault(t.get(2), List.of(new Service("svc:" + t.get(2), 0, 0))));
			i = 3;
			proto = "object";
		}
		int[] next = new int[1];
		String source = address(t, i, next, objects);
		if (source == null) {
			return null;
		}
		i = next[0];
		boolean narrowed = false;
		boolean ports = proto.equals("tcp") || proto.equals("udp") || proto.equals("tcp-udp");
		if (ports && i < t.size() && isPortOperator(t.get(i))) {
			// a source-port condition: only part of the traffic (replies from a server
			// port)
			narrowed = true;
			i = skipPorts(t, i);
		}
		String destination = address(t, i, next, objects);
		if (destination == null) {
			return null;
		}
		i = next[0];
		List<int[]> ranges = List.of(new int[] { 0, 65535 });
		if (ports && i < t.size() && isPortOperator(t.get(i))) {
			ranges = ports(t, i);
			if (t.get(i).equals("neq")) {
				narrowed = true;
			}
			i = skipPorts(t, i);
		}
		else if (ports && i + 1 < t.size() && t.get(i).equals("object-group")) {
			protocols
				.addAll(serviceGroups.getOrDefault(t.get(i + 1), List.of(new Service("svc:" + t.get(i + 1), 0, 0))));
			ranges = List.of();
			i += 2;
		}
		for (; i < t.size(); i++) {
			String flag = t.get(i);
			if (flag.equals("established")) {
				if (action == Action.PERMIT) {
					action = Action.REPLY;
				}
				narrowed = true;
			}
			else if (proto.equals("icmp") && !flag.equals("log") && !flag.equals("inactive")) {
				narrowed = true;
			}
		}
		List<Service> services = new ArrayList<>();
		if (!proto.equals("object")) {
			for (String p : proto.equals("tcp-udp") ? List.of("tcp", "udp") : List.of(proto)) {
				String normalised = switch (p) {
					case "ip", "0" -> "any";
					case "6" -> "tcp";
					case "17" -> "udp";
					case "1" -> "icmp";
					default -> p;
				};
				if (normalised.equals("tcp") || normalised.equals("udp")) {
					for (int[] range : ranges) {
						services.add(new Service(normalised, range[0], range[1]));
					}
				}
				else if (normalised.equals("any")) {
					services.add(Service.ANY);
				}
				else {
					services.add(Service.allPorts(normalised));
				}
			}
		}
		else {
			services.addAll(protocols);
		}
		if (services.isEmpty()) {
			services.addAll(protocols);
		}
		return new CiscoAce(action, List.of(source), List.of(destination), services, narrowed, inactive);
	}

	/** An address spec at {@code i}; {@code next[0]} is set past it. */
	private static String address(List<String> t, int i, int[] next, Map<String, Boolean> objects) {
		if (i >= t.size()) {
			return null;
		}
		String token = t.get(i);
		if (token.equals("any") || token.equals("any4") || token.equals("any6")) {
			next[0] = i + 1;
			return FilterRule.ANY;
		}
		if ((token.equals("host") || token.equals("object-group") || token.equals("object")
				|| token.equals("interface")) && i + 1 < t.size()) {
			next[0] = i + 2;
			String name = t.get(i + 1);
			if (!token.equals("host") && Boolean.TRUE.equals(objects.get(name))) {
				return FilterRule.ANY;
			}
			return token.equals("interface") ? "interface " + name : name;
		}
		if (i + 1 < t.size() && t.get(i + 1).matches("\\d+\\.\\d+\\.\\d+\\.\\d+")) {
			next[0] = i + 2;
			String mask = t.get(i + 1);
			if (token.equals("0.0.0.0") && (mask.equals("255.255.255.255") || mask.equals("0.0.0.0"))) {
				return FilterRule.ANY;
			}
			return token + " " + mask;
		}
		if (token.matches("[0-9a-fA-F:.]+(/\\d+)?")) {
			// a lone address (standard ACL host) or an IPv6 prefix
			next[0] = i + 1;
			return ConfigText.isAnyAddress(token) ? FilterRule.ANY : token;
		}
		return null;
	}

	private static boolean isPortOperator(String token) {
		return token.equals("eq") || token.equals("range") || token.equals("gt") || token.equals("lt")
				|| token.equals("neq");
	}

	private static int skipPorts(List<String> t, int i) {
		String op = t.get(i);
		if (op.equals("range")) {
			return Math.min(t.size(), i + 3);
		}
		int j = i + 1;
		if (op.equals("eq")) {
			// IOS accepts several ports after eq
			while (j < t.size() && Ports.of(t.get(j)).isPresent()) {
				j++;
			}
			return Math.max(j, i + 2);
		}
		return Math.min(t.size(), i + 2);
	}

	private static List<int[]> ports(List<String> t, int i) {
		String op = t.get(i);
		List<int[]> ranges = new ArrayList<>();
		OptionalInt first = i + 1 < t.size() ? Ports.of(t.get(i + 1)) : OptionalInt.empty();
		switch (op) {
			case "eq" -> {
				for (int j = i + 1; j < t.size() && Ports.of(t.get(j)).isPresent(); j++) {
					int port = Ports.of(t.get(j)).getAsInt();
					ranges.add(new int[] { port, port });
				}
			}
			case "range" -> {
				OptionalInt second = i + 2 < t.size() ? Ports.of(t.get(i + 2)) : OptionalInt.empty();
				if (first.isPresent() && second.isPresent()) {
					ranges.add(new int[] { first.getAsInt(), second.getAsInt() });
				}
			}
			case "gt" -> first.ifPresent(p -> ranges.add(new int[] { Math.min(65535, p + 1), 65535 }));
			case "lt" -> first.ifPresent(p -> ranges.add(new int[] { 0, Math.max(0, p - 1) }));
			default -> ranges.add(new int[] { 0, 65535 });
		}
		return ranges.isEmpty() ? List.of(new int[] { 0, 65535 }) : ranges;
	}

}
