package jp.mamori.network.config;

/**
 * Which side of the device an interface or zone faces. Decided by each parser from what
 * the configuration says (a DHCP or PPPoE address, the default route, the NAT outer side,
 * {@code set role wan}, {@code nameif outside}/{@code security-level 0}, names such as
 * {@code wan}/{@code pp}/{@code ppp0}).
 */
public enum InterfaceRole {

	/** Faces the internet or another untrusted network. */
	OUTSIDE,
	/** Faces the clinic's own network. */
	INSIDE,
	/** Nothing in the configuration says. */
	UNKNOWN

}
