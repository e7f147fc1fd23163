package jp.mamori.network.config;

import java.util.List;
import java.util.Objects;

/**
 * A named address or group (FortiGate {@code firewall address}/{@code addrgrp}, ASA
 * {@code object network}/{@code object-group}, pfSense alias).
 *
 * @param name its name
 * @param members addresses or, for a group, member names
 * @param any whether it stands for every address ({@code all}, {@code 0.0.0.0/0}, or a
 * group containing such)
 * @param line the line that defines it
 */
public record AddressObject(String name, List<String> members, boolean any, int line) {

	public AddressObject {
		Objects.requireNonNull(name, "name");
		members = members == null ? List.of() : List.copyOf(members);
	}

}
