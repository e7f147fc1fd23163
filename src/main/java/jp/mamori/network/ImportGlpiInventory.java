package jp.mamori.network;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jp.mamori.network.inventory.GlpiDevice;
import jp.mamori.network.inventory.GlpiImport;
import jp.mamori.network.inventory.GlpiInventoryReader;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.InvalidLedgerDataException;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.LedgerValues;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the device ledger (機器台帳) from a GLPI agent's inventory JSON — the optional way to
 * register PCs and servers without typing. A device already in the ledger (same serial
 * number, else host name, else name) gets the facts the inventory knows (maker, model, OS
 * and version, addresses, software); what people wrote (location, owner, department,
 * note, status) is kept. All devices of a file in one transaction: a row the ledger
 * refuses changes nothing and is named in the error.
 */
@Component
public class ImportGlpiInventory {

	static final String DEVICES = "devices";

	/** What an import did. */
	public record Result(String file, int created, int updated, int skipped, List<String> notes) {
	}

	private final Ledgers ledgers;

	private final LedgerStore store;

	private final LedgerRecords records;

	private final GlpiInventoryReader reader = new GlpiInventoryReader();

	ImportGlpiInventory(Ledgers ledgers, LedgerStore store, LedgerRecords records) {
		this.ledgers = ledgers;
		this.store = store;
		this.records = records;
	}

	@Transactional
	public Result importFile(OrgId org, String fileName, byte[] content, String by) {
		String name = fileName == null || fileName.isBlank() ? "inventory.json" : fileName;
		GlpiImport inventory = reader.read(new ByteArrayInputStream(content), name);
		if (inventory.devices().isEmpty()) {
			throw new BadInputException(name + ": 機器の情報がありません（GLPI エージェントのインベントリ JSON を指定してください）");
		}
		LedgerDefinition ledger = ledgers.require(DEVICES);
		List<LedgerRow> existing = new ArrayList<>(store.list(ledger, org, 0, Integer.MAX_VALUE));
		int created = 0;
		int updated = 0;
		for (GlpiDevice device : inventory.devices()) {
			Map<String, String> facts = facts(device);
			LedgerRow match = find(existing, device);
			try {
				if (match == null) {
					existing.add(records.create(ledger, org, facts, by));
					created++;
				}
				else {
					Map<String, String> raw = new LinkedHashMap<>(LedgerValues.raw(ledger, match.values()));
					facts.forEach((key, value) -> {
						// the kind and the name are people's decisions once a row exists
						if (!key.equals("kind") && !key.equals("name") || blank(raw.get(key))) {
							raw.put(key, value);
						}
					});
					LedgerRow row = records.update(ledger, org, match.id(), match.version(), raw, by);
					existing.set(existing.indexOf(match), row);
					updated++;
				}
			}
			catch (InvalidLedgerDataException ex) {
				throw new BadInputException(name + ": 機器「" + label(device) + "」を機器台帳に登録できません: "
						+ String.join("、",
								ex.errors()
									.stream()
									.map(e -> (e.column() == null ? "" : e.column() + " ") + e.message())
									.toList()));
			}
		}
		return new Result(name, created, updated, inventory.skipped(), inventory.notes());
	}

	private static Map<String, String> facts(GlpiDevice d) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("name", label(d));
		facts.put("kind", d.ledgerKind());
		put(facts, "maker", d.maker());
		put(facts, "model", d.model());
		put(facts, "serial", d.serial());
		put(facts, "os", d.os());
		put(facts, "osVersion", d.osVersion() != null ? d.osVersion() : d.firmware());
		put(facts, "hostname", d.hostname());
		put(facts, "ipAddresses", String.join("\n", d.ipAddresses()));
		put(facts, "macAddresses", String.join("\n", d.macAddresses()));
		put(facts, "software", String.join("\n", d.softwareLines()));
		return facts;
	}

	private static LedgerRow find(List<LedgerRow> rows, GlpiDevice device) {
		for (String key : List.of("serial", "hostname", "name")) {
			String wanted = switch (key) {
				case "serial" -> device.serial();
				case "hostname" -> device.hostname();
				default -> label(device);
			};
			if (blank(wanted)) {
				continue;
			}
			for (LedgerRow row : rows) {
				if (row.value(key) instanceof String value && same(value, wanted)) {
					return row;
				}
			}
		}
		return null;
	}

	private static boolean same(String a, String b) {
		return shortName(a).equals(shortName(b));
	}

	/** Host names compare without case and without their domain. */
	private static String shortName(String name) {
		String lower = name.strip().toLowerCase(Locale.ROOT);
		int dot = lower.indexOf('.');
		return dot > 0 && !Character.isDigit(lower.charAt(0)) ? lower.substring(0, dot) : lower;
	}

	private static String label(GlpiDevice d) {
		return Objects.requireNonNullElse(!blank(d.name()) ? d.name() : d.hostname(), "（名称なし）");
	}

	private static void put(Map<String, String> facts, String key, String value) {
		if (!blank(value)) {
			facts.put(key, value.strip());
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
