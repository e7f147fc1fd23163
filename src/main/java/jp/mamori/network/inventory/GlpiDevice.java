package jp.mamori.network.inventory;

import java.util.List;

/**
 * One device from a GLPI inventory, shaped like a device-ledger row (機器台帳).
 *
 * @param name the device name ({@code glpixps}, {@code HP-2530-48G})
 * @param kind {@value #SERVER}, {@value #PC}, {@value #NETWORK}, {@value #PRINTER} or
 * {@value #OTHER}
 * @param maker the manufacturer, or null
 * @param model the model, or null
 * @param serial the serial number, or null
 * @param os the operating system ({@code Fedora 31 (Workstation Edition)},
 * {@code Cisco IOS}), or null when the inventory does not name it
 * @param osVersion the OS version, or for network equipment and printers the firmware
 * version ({@code 12.2(55)SE6}), or null
 * @param hostname the host name, or null
 * @param ipAddresses the IP addresses, without loopback and link-local ones
 * @param macAddresses the MAC addresses (lower case, colon-separated as written)
 * @param software installed software, each with name, version and publisher
 * @param users the user accounts the inventory lists ({@code DOMAIN&#92;login} when a
 * domain is given)
 * @param firmware the firmware version of network equipment and printers, or null
 * @param ports how many network ports the equipment has, or null for computers
 * @param location where it stands as the device reports it, or null
 * @param deviceId the agent's device id, for tracing back to the file
 */
public record GlpiDevice(String name, String kind, String maker, String model, String serial, String os,
		String osVersion, String hostname, List<String> ipAddresses, List<String> macAddresses, List<Software> software,
		List<String> users, String firmware, Integer ports, String location, String deviceId) {

	public static final String SERVER = "server";

	public static final String PC = "pc";

	public static final String NETWORK = "network";

	public static final String PRINTER = "printer";

	public static final String OTHER = "other";

	/**
	 * An installed program.
	 *
	 * @param name its name
	 * @param version its version, or null
	 * @param publisher its publisher, or null
	 */
	public record Software(String name, String version, String publisher) {

		/** As the ledger's software column holds it: {@code name version}. */
		public String line() {
			return version == null ? name : name + " " + version;
		}

	}

	public GlpiDevice {
		ipAddresses = List.copyOf(ipAddresses);
		macAddresses = List.copyOf(macAddresses);
		software = List.copyOf(software);
		users = List.copyOf(users);
	}

	/** The software column of the ledger: one {@code name version} per program. */
	public List<String> softwareLines() {
		return software.stream().map(Software::line).toList();
	}

	/**
	 * The kind as a choice of the device ledger, which has no printer kind: printers are
	 * {@value #OTHER} there.
	 */
	public String ledgerKind() {
		return PRINTER.equals(kind) ? OTHER : kind;
	}

}
