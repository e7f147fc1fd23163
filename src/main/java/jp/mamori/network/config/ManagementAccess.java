package jp.mamori.network.config;

import java.util.List;
import java.util.Objects;

/**
 * How the device itself can be managed over one protocol, and from where.
 *
 * @param protocol the management protocol
 * @param allowedFrom the sources allowed ({@link FilterRule#ANY} when nothing restricts
 * them); may name addresses, ACLs or interfaces
 * @param interfaces the interfaces it answers on ({@link FilterRule#ANY} for all)
 * @param line the line that enables or restricts it (0 when only a default applies)
 * @param text the original line, trimmed
 */
public record ManagementAccess(Protocol protocol, List<String> allowedFrom, List<String> interfaces, int line,
		String text) {

	/** The management protocols we look at. */
	public enum Protocol {

		HTTP("http", "HTTP (Web管理画面)", 80), HTTPS("https", "HTTPS (Web管理画面)", 443), SSH("ssh", "SSH", 22),
		TELNET("telnet", "Telnet", 23), SNMP("snmp", "SNMP", 161), TFTP("tftp", "TFTP", 69);

		private final String id;

		private final String label;

		private final int port;

		Protocol(String id, String label, int port) {
			this.id = id;
			this.label = label;
			this.port = port;
		}

		public String id() {
			return id;
		}

		public String label() {
			return label;
		}

		public int port() {
			return port;
		}

	}

	public ManagementAccess {
		Objects.requireNonNull(protocol, "protocol");
		allowedFrom = allowedFrom == null || allowedFrom.isEmpty() || allowedFrom.contains(FilterRule.ANY)
				? List.of(FilterRule.ANY) : List.copyOf(allowedFrom);
		interfaces = interfaces == null || interfaces.isEmpty() || interfaces.contains(FilterRule.ANY)
				? List.of(FilterRule.ANY) : List.copyOf(interfaces);
		text = text == null ? "" : text;
	}

	public boolean anySource() {
		return allowedFrom.contains(FilterRule.ANY);
	}

	public boolean anyInterface() {
		return interfaces.contains(FilterRule.ANY);
	}

}
