package jp.mamori.network.config;

import java.util.Objects;

/**
 * An interface or zone (FortiGate zone, ASA {@code nameif}, pfSense
 * {@code wan}/{@code lan}).
 *
 * @param name the name rules refer to it by
 * @param role the side it faces
 * @param reason why we think so, in Japanese (shown with findings)
 * @param inboundFiltered whether anything filters traffic arriving on it (a secure
 * filter, an ACL, or a vendor whose default is to deny)
 * @param line the line that defines it (0 when only referred to)
 */
public record NetInterface(String name, InterfaceRole role, String reason, boolean inboundFiltered, int line) {

	public NetInterface {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(role, "role");
		reason = reason == null ? "" : reason;
	}

}
