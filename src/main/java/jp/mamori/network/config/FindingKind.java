package jp.mamori.network.config;

/**
 * The kinds of configuration finding. {@link #id()} is a contract: tests and scripts
 * outside this repository rely on it, so ids are never renamed.
 */
public enum FindingKind {

	/** A permit from any source on an outside / WAN / untrusted interface or zone. */
	ANY_SOURCE_ALLOWED("any-source-allowed"),
	/** Device management reachable from any source or from the WAN. */
	MANAGEMENT_OPEN("management-open"),
	/** A static NAT / port forward of a service that must not face the internet. */
	PORT_FORWARD_EXPOSED("port-forward-exposed"),
	/** An outside interface with no inbound filter at all. */
	NO_INBOUND_FILTER("no-inbound-filter"),
	/** A VPN that accepts connections from any address. */
	VPN_NO_SOURCE_RESTRICTION("vpn-no-source-restriction"),
	/** A VPN user without a second factor. */
	VPN_NO_2FA("vpn-no-2fa"),
	/** A factory password, or no password at all. */
	DEFAULT_CREDENTIAL("default-credential"),
	/** Telnet management enabled. */
	TELNET_ENABLED("telnet-enabled");

	private final String id;

	FindingKind(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

}
