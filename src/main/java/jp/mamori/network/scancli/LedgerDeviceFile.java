package jp.mamori.network.scancli;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.network.inventory.GlpiDevice;
import jp.mamori.network.inventory.GlpiImport;
import jp.mamori.network.inventory.GlpiInventoryReader;
import jp.mamori.network.scan.LedgerDevice;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ledger.LedgerColumn;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerError;
import jp.mamori.shared.ledger.LedgerFile;
import jp.mamori.shared.ledger.LedgerValues;

/**
 * The {@code --inventory} file of {@code analyze scan}: a device-ledger export (.xlsx or
 * .csv with the ledger's Japanese or English headers), a minimal CSV
 * {@code name,hostname,ip,mac} (UTF-8 or CP932; the ledger's own header aliases read it),
 * or a GLPI inventory JSON. Only the columns a scan can be compared with are used; a
 * missing 種別 or other required ledger column does not matter here.
 */
final class LedgerDeviceFile {

	/**
	 * The devices and what a person should know about the reading.
	 */
	record Read(List<LedgerDevice> devices, List<String> notes) {
	}

	private static final List<String> MATCHABLE = List.of("hostname", "ipAddresses", "macAddresses");

	private LedgerDeviceFile() {
	}

	static Read read(String fileName, byte[] bytes, String encoding) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".json")) {
			return glpi(fileName, bytes);
		}
		LedgerDefinition ledger = new InventoryLedgers().devicesLedger();
		LedgerFile.Parsed parsed = LedgerFile.read(ledger, fileName, bytes, encoding);
		List<String> notes = new ArrayList<>();
		for (LedgerError error : parsed.errors()) {
			// the scan needs names and addresses only; other required columns may be
			// absent
			if (!"必須の列がありません".equals(error.message())) {
				notes.add(fileName + ": " + error.row() + "行目 " + error.column() + ": " + error.message());
			}
		}
		if (!parsed.rows().isEmpty() && MATCHABLE.stream().noneMatch(parsed.rows().get(0).values()::containsKey)) {
			throw new BadInputException(fileName + ": 台帳に「ホスト名」「IPアドレス」「MACアドレス」のどの列もないため、スキャン結果と照合できません");
		}
		List<LedgerDevice> devices = new ArrayList<>();
		for (LedgerFile.RawRow row : parsed.rows()) {
			Map<String, String> values = row.values();
			String status = null;
			String statusText = values.get("status");
			if (statusText != null && !statusText.isBlank()) {
				try {
					status = (String) LedgerValues.parse(column(ledger, "status"), statusText);
				}
				catch (BadInputException ex) {
					notes.add(fileName + ": " + row.row() + "行目の状態「" + statusText.strip() + "」が読めないため稼働中として扱いました");
				}
			}
			List<String> ips;
			List<String> macs;
			try {
				ips = list(ledger, "ipAddresses", values);
				macs = list(ledger, "macAddresses", values);
			}
			catch (BadInputException ex) {
				notes.add(fileName + ": " + row.row() + "行目のアドレスが読めないため読み飛ばしました（" + ex.getMessage() + "）");
				continue;
			}
			LedgerDevice device = new LedgerDevice(blankToNull(values.get("name")), blankToNull(values.get("hostname")),
					ips, macs, status);
			if (device.name() == null && device.hostname() == null && device.ipAddresses().isEmpty()
					&& device.macAddresses().isEmpty()) {
				continue;
			}
			devices.add(device);
		}
		if (devices.isEmpty()) {
			notes.add(fileName + ": 台帳に機器が1台もありません。応答した機器はすべて「台帳にない機器」になります");
		}
		return new Read(devices, notes);
	}

	private static Read glpi(String fileName, byte[] bytes) {
		GlpiImport imported = new GlpiInventoryReader().read(new ByteArrayInputStream(bytes), fileName);
		List<LedgerDevice> devices = new ArrayList<>();
		for (GlpiDevice device : imported.devices()) {
			devices.add(new LedgerDevice(device.name(), device.hostname(), device.ipAddresses(), device.macAddresses(),
					LedgerDevice.ACTIVE));
		}
		return new Read(devices, imported.notes());
	}

	private static LedgerColumn column(LedgerDefinition ledger, String key) {
		return ledger.column(key).orElseThrow(() -> new IllegalStateException("device ledger has no " + key));
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(LedgerDefinition ledger, String key, Map<String, String> values) {
		Object parsed = LedgerValues.parse(column(ledger, key), values.get(key));
		return parsed == null ? List.of() : (List<String>) parsed;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
