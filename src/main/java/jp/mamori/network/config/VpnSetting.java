package jp.mamori.network.config;

import java.util.List;
import java.util.Objects;

/**
 * A remote-access or site-to-site VPN the device terminates.
 *
 * @param kind SSL-VPN, IPsec or L2TP
 * @param name its name in the configuration
 * @param sources the peers or clients allowed to connect ({@link FilterRule#ANY} when
 * nothing restricts them)
 * @param interfaces where it listens ({@link FilterRule#ANY} when not said)
 * @param remoteAccess whether people connect to it (as opposed to a fixed peer router)
 * @param line the line of the original file
 * @param text the original line, trimmed
 */
public record VpnSetting(Kind kind, String name, List<String> sources, List<String> interfaces, boolean remoteAccess,
		int line, String text) {

	/** The VPN families. */
	public enum Kind {

		SSL_VPN("SSL-VPN"), IPSEC("IPsec"), L2TP("L2TP/IPsec");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public VpnSetting {
		Objects.requireNonNull(kind, "kind");
		name = name == null ? "" : name;
		sources = sources == null || sources.isEmpty() || sources.contains(FilterRule.ANY) ? List.of(FilterRule.ANY)
				: List.copyOf(sources);
		interfaces = interfaces == null || interfaces.isEmpty() ? List.of(FilterRule.ANY) : List.copyOf(interfaces);
		text = text == null ? "" : text;
	}

	public boolean anySource() {
		return sources.contains(FilterRule.ANY);
	}

}
