package jp.mamori.network.inventory;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jp.mamori.network.scan.Addresses;
import jp.mamori.shared.BadInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads GLPI inventory JSON (the format of {@code glpi-project/inventory_format}): a
 * computer's {@code hardware}, {@code bios}, {@code operatingsystem}, {@code networks},
 * {@code softwares} and {@code users}; a network device's or printer's
 * {@code network_device}, {@code firmwares} and {@code network_ports}. Unknown fields are
 * ignored, missing ones stay empty, and a file holding an array of inventories gives one
 * device each. Only a file that is not JSON, or JSON that is no inventory at all, is
 * refused.
 */
public final class GlpiInventoryReader {

	/** Chassis types GLPI agents report for servers (SMBIOS names). */
	private static final Set<String> SERVER_CHASSIS = Set.of("server", "rack mount chassis", "main server chassis",
			"multi-system chassis", "blade", "blade enclosure", "rack");

	/** Cisco's IOS release numbering: 12.2(55)SE6, 15.0(2)SE11. */
	private static final Pattern CISCO_IOS_VERSION = Pattern.compile("\\d+\\.\\d+\\(\\d+\\)\\S*");

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Reads one file.
	 * @param in the JSON bytes (not closed here)
	 * @param fileName the name to report
	 * @throws BadInputException when the file is not JSON or holds no inventory
	 */
	public GlpiImport read(InputStream in, String fileName) {
		JsonNode root;
		try {
			root = json.readTree(in);
		}
		catch (JacksonException ex) {
			throw new BadInputException(fileName + ": JSON として読めません（GLPI インベントリの JSON を指定してください）");
		}
		if (root == null || root.isMissingNode() || root.isNull()) {
			throw new BadInputException(fileName + ": ファイルが空です");
		}
		List<GlpiDevice> devices = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		int[] skipped = { 0 };
		List<JsonNode> inventories = new ArrayList<>();
		if (root.isArray()) {
			root.values().forEach(inventories::add);
		}
		else {
			inventories.add(root);
		}
		for (JsonNode inventory : inventories) {
			JsonNode content = inventory.path("content");
			if (!content.isObject()) {
				skipped[0]++;
				continue;
			}
			devices.add(device(inventory, content, fileName, notes, skipped));
		}
		if (devices.isEmpty()) {
			throw new BadInputException(fileName + ": GLPI インベントリの形式ではありません（\"content\" がありません）");
		}
		if (skipped[0] > 0) {
			notes.add(fileName + ": 読めない項目 " + skipped[0] + "件を読み飛ばしました");
		}
		return new GlpiImport(fileName, devices, skipped[0], notes);
	}

	private GlpiDevice device(JsonNode inventory, JsonNode content, String fileName, List<String> notes,
			int[] skipped) {
		String itemType = text(inventory, "itemtype");
		JsonNode networkDevice = content.path("network_device");
		String deviceType = text(networkDevice, "type");
		String deviceId = text(inventory, "deviceid");
		if ("NetworkEquipment".equalsIgnoreCase(nvl(itemType)) || "Networking".equalsIgnoreCase(nvl(deviceType))) {
			return equipment(GlpiDevice.NETWORK, content, networkDevice, deviceId);
		}
		if ("Printer".equalsIgnoreCase(nvl(itemType)) || "Printer".equalsIgnoreCase(nvl(deviceType))) {
			return equipment(GlpiDevice.PRINTER, content, networkDevice, deviceId);
		}
		if (itemType == null || "Computer".equalsIgnoreCase(itemType)) {
			if (content.has("hardware") || content.has("operatingsystem") || content.has("bios")) {
				return computer(content, deviceId, fileName, notes, skipped);
			}
		}
		notes.add(fileName + ": 機器の種類（" + nvl(itemType, deviceType, "記載なし") + "）が分からないため「その他」としました");
		if (networkDevice.isObject()) {
			return equipment(GlpiDevice.OTHER, content, networkDevice, deviceId);
		}
		GlpiDevice computer = computer(content, deviceId, fileName, notes, skipped);
		return new GlpiDevice(computer.name(), GlpiDevice.OTHER, computer.maker(), computer.model(), computer.serial(),
				computer.os(), computer.osVersion(), computer.hostname(), computer.ipAddresses(),
				computer.macAddresses(), computer.software(), computer.users(), null, null, null, deviceId);
	}

	private GlpiDevice computer(JsonNode content, String deviceId, String fileName, List<String> notes, int[] skipped) {
		JsonNode hardware = content.path("hardware");
		JsonNode bios = content.path("bios");
		JsonNode system = content.path("operatingsystem");
		String hostname = nvl(text(hardware, "name"), text(system, "fqdn"));
		String os = nvl(text(system, "full_name"), text(system, "name"));
		String osVersion = osVersion(system);
		String chassis = nvl(text(hardware, "chassis_type"), "").toLowerCase(Locale.ROOT);
		boolean server = SERVER_CHASSIS.contains(chassis) || nvl(os, "").toLowerCase(Locale.ROOT).contains("server");
		Set<String> ips = new LinkedHashSet<>();
		Set<String> macs = new LinkedHashSet<>();
		for (JsonNode network : content.path("networks").values()) {
			addIp(ips, text(network, "ipaddress"));
			addIp(ips, text(network, "ipaddress6"));
			addMac(macs, text(network, "mac"));
		}
		List<GlpiDevice.Software> software = new ArrayList<>();
		int unnamed = 0;
		for (JsonNode entry : content.path("softwares").values()) {
			String name = text(entry, "name");
			if (name == null) {
				unnamed++;
				continue;
			}
			software.add(new GlpiDevice.Software(name, text(entry, "version"), text(entry, "publisher")));
		}
		if (unnamed > 0) {
			skipped[0] += unnamed;
			notes.add(fileName + ": 名前のないソフトウェア " + unnamed + "件を読み飛ばしました");
		}
		List<String> users = new ArrayList<>();
		for (JsonNode user : content.path("users").values()) {
			String login = text(user, "login");
			if (login != null) {
				String domain = text(user, "domain");
				String account = domain == null ? login : domain + "\\" + login;
				if (!users.contains(account)) {
					users.add(account);
				}
			}
		}
		return new GlpiDevice(nvl(hostname, deviceId), server ? GlpiDevice.SERVER : GlpiDevice.PC,
				nvl(text(bios, "smanufacturer"), text(bios, "mmanufacturer")),
				nvl(text(bios, "smodel"), text(bios, "mmodel")), nvl(text(bios, "ssn"), text(bios, "msn")), os,
				osVersion, hostname, List.copyOf(ips), List.copyOf(macs), software, users, null, null, null, deviceId);
	}

	/**
	 * The version as the ledger wants it: the release, and for Windows its build in
	 * parentheses ({@code 22H2 (10.0.19045)}), as the ledger's example writes it.
	 */
	private static String osVersion(JsonNode system) {
		String version = text(system, "version");
		String kernelName = nvl(text(system, "kernel_name"), "").toLowerCase(Locale.ROOT);
		String kernelVersion = text(system, "kernel_version");
		String servicePack = text(system, "service_pack");
		if (servicePack != null) {
			version = version == null ? servicePack : version + " " + servicePack;
		}
		// Linux kernel versions say nothing about the distribution's release: left out
		if (kernelName.contains("win") && kernelVersion != null
				&& (version == null || !version.contains(kernelVersion))) {
			return version == null ? kernelVersion : version + " (" + kernelVersion + ")";
		}
		return version;
	}

	private GlpiDevice equipment(String kind, JsonNode content, JsonNode device, String deviceId) {
		String firmware = text(device, "firmware");
		String maker = text(device, "manufacturer");
		String model = text(device, "model");
		for (JsonNode entry : content.path("firmwares").values()) {
			if (firmware == null && "device".equalsIgnoreCase(nvl(text(entry, "type"), "device"))) {
				firmware = text(entry, "version");
			}
			maker = nvl(maker, text(entry, "manufacturer"));
		}
		Set<String> ips = new LinkedHashSet<>();
		device.path("ips").values().forEach(ip -> addIp(ips, ip.isValueNode() ? ip.asString() : null));
		Set<String> macs = new LinkedHashSet<>();
		addMac(macs, text(device, "mac"));
		JsonNode ports = content.path("network_ports");
		String os = null;
		if (maker != null && maker.toLowerCase(Locale.ROOT).contains("cisco") && firmware != null
				&& CISCO_IOS_VERSION.matcher(firmware).matches()) {
			os = "Cisco IOS";
		}
		String name = nvl(text(device, "name"), deviceId);
		return new GlpiDevice(name, kind, maker, model, text(device, "serial"), os, firmware, text(device, "name"),
				List.copyOf(ips), List.copyOf(macs), List.of(), List.of(), firmware,
				ports.isArray() ? ports.size() : null, text(device, "location"), deviceId);
	}

	private static void addIp(Set<String> ips, String text) {
		Addresses.ip(text).filter(GlpiInventoryReader::useful).ifPresent(ips::add);
	}

	/** Loopback, link-local and unspecified addresses name no device on the network. */
	private static boolean useful(String ip) {
		return !(ip.startsWith("127.") || ip.equals("0.0.0.0") || ip.startsWith("169.254.") || ip.equals("::1")
				|| ip.equals("0:0:0:0:0:0:0:1") || ip.equals("::") || ip.equals("0:0:0:0:0:0:0:0")
				|| ip.startsWith("fe8") || ip.startsWith("fe9") || ip.startsWith("fea") || ip.startsWith("feb"));
	}

	private static void addMac(Set<String> macs, String text) {
		Addresses.mac(text).ifPresent(m -> macs.add(Addresses.macText(m).toLowerCase(Locale.ROOT)));
	}

	/** A field as trimmed text (numbers too), or null when absent or blank. */
	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (!value.isValueNode() || value.isNull()) {
			return null;
		}
		String text = value.asString().strip();
		return text.isEmpty() ? null : text;
	}

	private static String nvl(String... values) {
		for (String value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
