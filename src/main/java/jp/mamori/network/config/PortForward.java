package jp.mamori.network.config;

import java.util.List;
import java.util.Objects;

/**
 * A static NAT entry or port forward that makes an inside host reachable from outside.
 *
 * @param id the entry's identifier (RTX {@code 1 2}, FortiGate VIP name, pfSense
 * description …)
 * @param iface the outside interface it listens on ({@link FilterRule#ANY} when not said)
 * @param service the outside protocol and port ({@link Service#ANY} for a full 1:1 NAT)
 * @param target the inside address (and port) it forwards to
 * @param sources the sources the forward itself is limited to (pfSense, iptables
 * {@code -s}), {@link FilterRule#ANY} when not limited
 * @param object the object name policies refer to it by (FortiGate VIP), else
 * {@code null}
 * @param line the line of the original file
 * @param text the original line, trimmed
 */
public record PortForward(String id, String iface, Service service, String target, List<String> sources, String object,
		int line, String text) {

	public PortForward {
		Objects.requireNonNull(id, "id");
		iface = iface == null || iface.isBlank() ? FilterRule.ANY : iface;
		Objects.requireNonNull(service, "service");
		target = target == null ? "" : target;
		sources = sources == null || sources.isEmpty() || sources.contains(FilterRule.ANY) ? List.of(FilterRule.ANY)
				: List.copyOf(sources);
		text = text == null ? "" : text;
	}

	public boolean anySource() {
		return sources.contains(FilterRule.ANY);
	}

}
