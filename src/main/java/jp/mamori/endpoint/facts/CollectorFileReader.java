package jp.mamori.endpoint.facts;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a collector file (schema version 1) into {@link EndpointFacts}. Fields it does
 * not know are ignored (a newer collector may add some); a value of the wrong type is
 * read as missing rather than failing the file; only a file that is not JSON, has another
 * schema version or no host name is refused, with a Japanese message naming the file.
 */
public final class CollectorFileReader {

	/** The schema version this reader understands. */
	public static final String SCHEMA_VERSION = "1";

	/**
	 * A collector file is tens of kilobytes; a server with much software a few hundred.
	 */
	public static final int MAX_BYTES = 8 * 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CollectorFileReader() {
	}

	public static EndpointFacts read(String file, byte[] bytes) {
		if (bytes.length > MAX_BYTES) {
			throw new UnreadableFactsException(file + ": ファイルが大きすぎます（8MBまで）。収集スクリプトの出力ファイルか確かめてください。");
		}
		JsonNode root;
		try {
			root = JSON.readTree(text(bytes));
		}
		catch (JacksonException ex) {
			throw new UnreadableFactsException(file + ": JSON として読めません（途中で切れているか、収集スクリプトの出力ではありません）。");
		}
		if (root == null || !root.isObject()) {
			throw new UnreadableFactsException(file + ": JSON のオブジェクトではありません。収集スクリプトの出力ファイルを選んでください。");
		}
		String version = text(root.path("schemaVersion"));
		if (version == null) {
			throw new UnreadableFactsException(file + ": schemaVersion がありません。収集スクリプトの出力ファイルを選んでください。");
		}
		if (!SCHEMA_VERSION.equals(version)) {
			throw new UnreadableFactsException(file + ": スキーマのバージョン「" + version + "」には対応していません（対応しているのは「"
					+ SCHEMA_VERSION + "」です）。この Mamori に同梱の収集スクリプトで取り直してください。");
		}
		JsonNode c = root.path("computer");
		String hostname = text(c.path("hostname"));
		if (hostname == null || hostname.isBlank()) {
			throw new UnreadableFactsException(file + ": computer.hostname（コンピュータ名）がありません。");
		}
		OffsetDateTime collectedAt = instant(root.path("collectedAt"));
		if (collectedAt == null) {
			throw new UnreadableFactsException(file + ": collectedAt（収集日時）がないか、形式が正しくありません。");
		}
		var computer = new EndpointFacts.Computer(hostname.trim(), text(c.path("domain")), text(c.path("workgroup")),
				bool(c.path("partOfDomain")), text(c.path("manufacturer")), text(c.path("model")),
				text(c.path("serialNumber")));
		JsonNode o = root.path("os");
		var os = o.isObject() ? new EndpointFacts.Os(text(o.path("caption")), text(o.path("version")),
				integer(o.path("buildNumber")), text(o.path("displayVersion")), text(o.path("edition")),
				integer(o.path("productType")), instant(o.path("installDate")), instant(o.path("lastBootTime"))) : null;
		JsonNode wu = root.path("windowsUpdate");
		JsonNode groups = root.path("localGroups");
		JsonNode pp = root.path("passwordPolicy");
		JsonNode usb = root.path("usb");
		JsonNode av = root.path("antivirus");
		JsonNode def = av.path("defender");
		JsonNode rdp = root.path("remoteDesktop");
		return new EndpointFacts(file, collectedAt, computer, os,
				list(root.path("hotfixes"),
						n -> text(n.path("id")) == null ? null
								: new EndpointFacts.Hotfix(text(n.path("id")), date(n.path("installedOn")))),
				wu.isObject() ? new EndpointFacts.WindowsUpdate(text(wu.path("serviceStartMode")),
						text(wu.path("serviceState")), integer(wu.path("policyNoAutoUpdate"))) : null,
				list(root.path("software"),
						n -> text(n.path("name")) == null ? null
								: new EndpointFacts.Software(text(n.path("name")), text(n.path("version")),
										text(n.path("publisher")), date(n.path("installDate")))),
				list(root.path("services"),
						n -> text(n.path("name")) == null ? null
								: new EndpointFacts.Service(text(n.path("name")), text(n.path("displayName")),
										text(n.path("state")), text(n.path("startMode")), text(n.path("account")),
										text(n.path("path")))),
				list(root.path("localUsers"),
						n -> text(n.path("name")) == null ? null
								: new EndpointFacts.LocalUser(text(n.path("name")), text(n.path("fullName")),
										text(n.path("sid")), Boolean.TRUE.equals(bool(n.path("enabled"))),
										instant(n.path("lastLogon")), text(n.path("passwordLastSet")),
										bool(n.path("passwordNeverExpires")))),
				list(groups.path("administrators"), CollectorFileReader::member),
				list(groups.path("remoteDesktopUsers"), CollectorFileReader::member),
				pp.isObject() ? new EndpointFacts.PasswordPolicy(integer(pp.path("minimumPasswordLength")),
						integer(pp.path("maximumPasswordAgeDays")), integer(pp.path("passwordHistoryLength")),
						integer(pp.path("lockoutThreshold"))) : null,
				usb.isObject() ? new EndpointFacts.Usb(integer(usb.path("usbStorStart")),
						integer(usb.path("denyAllRemovable")), integer(usb.path("removableDiskDenyRead")),
						integer(usb.path("removableDiskDenyWrite"))) : null,
				list(av.path("products"),
						n -> text(n.path("name")) == null ? null
								: new EndpointFacts.AntivirusProduct(text(n.path("name")), bool(n.path("enabled")),
										bool(n.path("upToDate")))),
				def.isObject()
						? new EndpointFacts.Defender(bool(def.path("antivirusEnabled")),
								bool(def.path("realTimeProtectionEnabled")), text(def.path("runningMode")),
								instant(def.path("signatureLastUpdated")), integer(def.path("signatureAgeDays")))
						: null,
				rdp.isObject()
						? new EndpointFacts.RemoteDesktop(bool(rdp.path("enabled")), bool(rdp.path("nlaRequired")))
						: null,
				list(root.path("firewall"),
						n -> text(n.path("profile")) == null ? null
								: new EndpointFacts.FirewallProfile(text(n.path("profile")),
										Boolean.TRUE.equals(bool(n.path("enabled"))))),
				list(root.path("networkAdapters"),
						n -> new EndpointFacts.NetworkAdapter(text(n.path("description")), text(n.path("macAddress")),
								strings(n.path("ipAddresses")))),
				list(root.path("eventLogs"), n -> text(n.path("logName")) == null ? null
						: new EndpointFacts.EventLog(text(n.path("logName")), number(n.path("maximumSizeBytes")),
								number(n.path("fileSizeBytes")), number(n.path("recordCount")),
								text(n.path("retentionMode")), instant(n.path("oldestRecordTime")))),
				list(root.path("bitlocker"),
						n -> new EndpointFacts.BitLockerVolume(text(n.path("mountPoint")),
								text(n.path("protectionStatus")))),
				root.path("errors").isArray() ? strings(root.path("errors")) : List.of());
	}

	/**
	 * The file as text: UTF-8 (with or without a byte-order mark) as the script writes
	 * it, or UTF-16 when someone re-saved it with Notepad or Out-File.
	 */
	private static String text(byte[] bytes) {
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
		}
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
		}
		String text = new String(bytes, StandardCharsets.UTF_8);
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	private static EndpointFacts.Member member(JsonNode n) {
		String name = text(n.path("name"));
		return name == null ? null : new EndpointFacts.Member(name, text(n.path("sid")), text(n.path("objectClass")),
				text(n.path("principalSource")));
	}

	/** A section's list, or null when the section is missing or null (not read). */
	private static <T> List<T> list(JsonNode node, Function<JsonNode, T> item) {
		if (!node.isArray()) {
			return null;
		}
		List<T> items = new ArrayList<>();
		for (JsonNode n : node) {
			if (n.isObject()) {
				T value = item.apply(n);
				if (value != null) {
					items.add(value);
				}
			}
		}
		return List.copyOf(items);
	}

	private static List<String> strings(JsonNode node) {
		List<String> items = new ArrayList<>();
		if (node.isArray()) {
			for (JsonNode n : node) {
				String t = text(n);
				if (t != null && !t.isBlank()) {
					items.add(t);
				}
			}
		}
		return List.copyOf(items);
	}

	static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode() || !node.isValueNode()) {
			return null;
		}
		String t = node.asString();
		return t.isEmpty() ? null : t;
	}

	private static Boolean bool(JsonNode node) {
		return node != null && node.isBoolean() ? node.booleanValue() : null;
	}

	private static Long number(JsonNode node) {
		if (node != null && node.isIntegralNumber()) {
			return node.longValue();
		}
		String t = text(node);
		try {
			return t == null ? null : Long.valueOf(t.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Integer integer(JsonNode node) {
		Long n = number(node);
		return n == null || n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? null : n.intValue();
	}

	private static OffsetDateTime instant(JsonNode node) {
		String t = text(node);
		try {
			return t == null ? null : OffsetDateTime.parse(t);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static LocalDate date(JsonNode node) {
		String t = text(node);
		if (t == null) {
			return null;
		}
		try {
			return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
