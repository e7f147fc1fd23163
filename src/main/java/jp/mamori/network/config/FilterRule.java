package jp.mamori.network.config;

import java.util.List;
import java.util.Objects;

/**
 * One filter or policy rule, in the order the device evaluates it.
 *
 * @param id the rule's own identifier (RTX filter number, FortiGate policy id, ACL name
 * and sequence, iptables chain and position, pfSense tracker or description)
 * @param name a human name where the configuration has one (may be empty)
 * @param action what it does
 * @param enabled {@code false} for disabled rules (FortiGate {@code set status disable},
 * pfSense {@code <disabled/>}, ASA {@code inactive}), which the analysis ignores
 * @param sources source addresses or object names, {@link #ANY} for any source
 * @param destinations destination addresses or object names, {@link #ANY} for any
 * @param services what traffic it matches ({@link Service#ANY} for everything)
 * @param interfaces where it applies: ingress interfaces or zones ({@link #ANY} for all)
 * @param egress egress interfaces or zones where the vendor names them (FortiGate
 * {@code dstintf}); {@link #ANY} when not restricted
 * @param inbound whether it filters traffic arriving on {@code interfaces} ({@code false}
 * for rules bound outbound)
 * @param narrowed whether it matches only part of the traffic its fields describe (a
 * source port, TCP flags, an ICMP type, a negated address): such a deny never hides a
 * later permit, and such a permit is the reply-style template line rather than an opening
 * @param line the line of the original file (the {@code edit}, {@code <rule>} or the
 * filter definition)
 * @param text the original line(s), trimmed
 */
public record FilterRule(String id, String name, Action action, boolean enabled, List<String> sources,
		List<String> destinations, List<Service> services, List<String> interfaces, List<String> egress,
		boolean inbound, boolean narrowed, int line, String text) {

	/** The token for "any address" / "any interface" in every list of this model. */
	public static final String ANY = "any";

	public FilterRule {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(action, "action");
		name = name == null ? "" : name;
		sources = normalise(sources);
		destinations = normalise(destinations);
		services = services == null || services.isEmpty() ? List.of(Service.ANY) : List.copyOf(services);
		interfaces = normalise(interfaces);
		egress = normalise(egress);
		text = text == null ? "" : text;
	}

	private static List<String> normalise(List<String> values) {
		if (values == null || values.isEmpty() || values.contains(ANY)) {
			return List.of(ANY);
		}
		return List.copyOf(values);
	}

	public boolean anySource() {
		return sources.contains(ANY);
	}

	public boolean anyDestination() {
		return destinations.contains(ANY);
	}

	public boolean anyInterface() {
		return interfaces.contains(ANY);
	}

	public boolean anyService() {
		return services.stream().anyMatch(Service::isAny);
	}

	/** The rule as named in findings: its name when it has one, with its id. */
	public String label() {
		return name.isBlank() || name.equals(id) ? id : id + " (" + name + ")";
	}

}
