package jp.mamori.endpoint;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jp.mamori.account.AccountLedgers;
import jp.mamori.endpoint.facts.ApprovedSoftware;
import jp.mamori.endpoint.facts.CollectorFileReader;
import jp.mamori.endpoint.facts.EndpointAnalysis;
import jp.mamori.endpoint.facts.EndpointFacts;
import jp.mamori.endpoint.facts.EndpointFinding;
import jp.mamori.endpoint.facts.UnreadableFactsException;
import jp.mamori.endpoint.internal.EndpointRepository;
import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.InvalidLedgerDataException;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.LedgerValues;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports collector files (one or many .json, or .zip files of them): each file in its
 * own transaction creates or updates its device in the device ledger (matched by serial
 * number, then host name, then MAC address — never a second row for the same machine),
 * stores its software, services and local accounts (linked to the account ledger by user
 * id), and keeps the file. A file that cannot be read is an {@code error} row of the
 * report and does not stop the others. Afterwards the findings of all the organisation's
 * machines are computed again, because one of them (the shared administrator password)
 * spans machines. Findings take the organisation's 許可ソフトウェア一覧 into account and are
 * computed again when that ledger changes ({@link AllowlistChanges}).
 */
@Service
public class ImportCollectorFiles {

	/** An uploaded file as received. */
	public record Upload(String name, byte[] bytes) {
	}

	/**
	 * One line of the per-file report ({@code status}: created, updated or error);
	 * serializable because the page hands it to the next request as a flash attribute,
	 * which lives in the database-backed session.
	 */
	public record FileResult(String file, String device, String status, String message,
			UUID machineId) implements java.io.Serializable {
	}

	/** Zip archives: at most this many entries, each at most the size of one file. */
	static final int MAX_ZIP_ENTRIES = 2000;

	static final long MAX_ZIP_TOTAL = 256L * 1024 * 1024;

	/** Serial numbers that firmware writes when nobody filled them in. */
	static final Set<String> PLACEHOLDER_SERIALS = Set.of("", "0", "none", "default string", "to be filled by o.e.m.",
			"system serial number", "not specified", "not available", "123456789");

	private final Ledgers ledgers;

	private final LedgerStore store;

	private final LedgerRecords records;

	private final EndpointRepository repository;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final EndpointAnalysis analysis;

	ImportCollectorFiles(Ledgers ledgers, LedgerStore store, LedgerRecords records, EndpointRepository repository,
			PlatformTransactionManager transactions, Clock clock) {
		this.ledgers = ledgers;
		this.store = store;
		this.records = records;
		this.repository = repository;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		// the built-in end-of-support table; the stored endoflife.date feed is not
		// consulted yet
		this.analysis = EndpointAnalysis.standard();
	}

	public List<FileResult> importFiles(OrgId org, List<Upload> uploads, String by) {
		if (uploads.isEmpty()) {
			throw new BadInputException("取り込むファイルを選んでください（収集スクリプトの .json、またはそれをまとめた .zip）。");
		}
		List<FileResult> results = new ArrayList<>();
		List<Upload> files = new ArrayList<>();
		for (Upload upload : uploads) {
			if (upload.name().toLowerCase(Locale.ROOT).endsWith(".zip")) {
				unzip(upload, files, results);
			}
			else {
				files.add(upload);
			}
		}
		for (Upload file : files) {
			try {
				results.add(transaction.execute(status -> importOne(org, file, by)));
			}
			catch (BadInputException ex) {
				results.add(new FileResult(file.name(), null, "error", ex.getMessage(), null));
			}
		}
		transaction.executeWithoutResult(status -> refreshFindings(org));
		return results;
	}

	/**
	 * Reads the .json entries of a zip archive into memory. Nothing is written to disk,
	 * so an entry name with {@code ../} cannot escape anywhere; such names are still
	 * refused (an archive made to attack extractors is not a collector archive), as are
	 * entries larger than one collector file and archives that expand beyond the total
	 * limit.
	 */
	private static void unzip(Upload zip, List<Upload> files, List<FileResult> results) {
		long total = 0;
		int entries = 0;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				if (entry.isDirectory()) {
					continue;
				}
				String name = zip.name() + "/" + entry.getName();
				if (++entries > MAX_ZIP_ENTRIES) {
					results.add(new FileResult(zip.name(), null, "error",
							zip.name() + ": zip の中のファイルが多すぎます（" + MAX_ZIP_ENTRIES + " 件まで）。残りは取り込んでいません。", null));
					return;
				}
				String normalised = entry.getName().replace('\\', '/');
				if (normalised.startsWith("/") || normalised.contains("../") || normalised.contains(":")) {
					results.add(
							new FileResult(name, null, "error", name + ": zip の中のファイル名が不正です（上位フォルダや絶対パスを含みます）。", null));
					continue;
				}
				if (!normalised.toLowerCase(Locale.ROOT).endsWith(".json")) {
					continue;
				}
				byte[] bytes = readLimited(in, CollectorFileReader.MAX_BYTES);
				if (bytes == null) {
					results.add(new FileResult(name, null, "error", name + ": ファイルが大きすぎます（8MBまで）。", null));
					continue;
				}
				total += bytes.length;
				if (total > MAX_ZIP_TOTAL) {
					results.add(new FileResult(zip.name(), null, "error",
							zip.name() + ": zip を展開すると大きすぎます（256MBまで）。残りは取り込んでいません。", null));
					return;
				}
				files.add(new Upload(name, bytes));
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			results.add(new FileResult(zip.name(), null, "error", zip.name() + ": zip ファイルとして読めません。", null));
		}
	}

	/** The entry's bytes, or null when it is longer than {@code max}. */
	private static byte[] readLimited(ZipInputStream in, int max) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int n;
		while ((n = in.read(buffer)) > 0) {
			if (out.size() + n > max) {
				return null;
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	private FileResult importOne(OrgId org, Upload file, String by) {
		EndpointFacts facts = CollectorFileReader.read(file.name(), file.bytes());
		LedgerDefinition devices = ledgers.require(InventoryLedgers.DEVICES);
		List<LedgerRow> rows = store.list(devices, org, 0, Integer.MAX_VALUE);
		LedgerRow match = DeviceMatch.find(rows, facts);
		Map<String, String> values = ledgerValues(facts);
		LedgerRow device;
		try {
			if (match == null) {
				device = records.create(devices, org, values, by);
			}
			else {
				Map<String, String> raw = new LinkedHashMap<>(LedgerValues.raw(devices, match.values()));
				values.forEach((key, value) -> {
					// the name and the kind are people's decisions once a row exists
					if (!key.equals("kind") && !key.equals("name") || blank(raw.get(key))) {
						raw.put(key, value);
					}
				});
				device = records.update(devices, org, match.id(), match.version(), raw, by);
			}
		}
		catch (InvalidLedgerDataException ex) {
			throw new BadInputException(file.name() + ": 機器台帳に登録できません: "
					+ String.join("、",
							ex.errors()
								.stream()
								.map(e -> (e.column() == null ? "" : e.column() + " ") + e.message())
								.toList()));
		}
		UUID machine = repository.save(org, device.id(), facts, file.name(), file.bytes(), clock.instant(), by);
		if (facts.software() != null) {
			repository.saveSoftware(org, machine, facts.software());
		}
		if (facts.services() != null) {
			repository.saveServices(org, machine, facts.services());
		}
		List<LocalAccount> accounts = accounts(org, facts);
		repository.saveAccounts(org, machine, accounts);
		String message = "ソフトウェア " + size(facts.software()) + " 件、サービス " + size(facts.services()) + " 件、ローカルアカウント "
				+ accounts.size() + " 件"
				+ (facts.errors().isEmpty() ? "" : "（読めなかった項目 " + facts.errors().size() + " 件: 管理者で実行すると読めます）");
		return new FileResult(file.name(), facts.hostname(), match == null ? "created" : "updated", message, machine);
	}

	private List<LocalAccount> accounts(OrgId org, EndpointFacts facts) {
		if (facts.localUsers() == null) {
			return List.of();
		}
		LedgerDefinition ledger = ledgers.require(AccountLedgers.ACCOUNTS);
		Map<String, UUID> byUserId = new LinkedHashMap<>();
		for (LedgerRow row : store.list(ledger, org, 0, Integer.MAX_VALUE)) {
			if (row.value("userId") instanceof String userId) {
				byUserId.putIfAbsent(userId.strip().toLowerCase(Locale.ROOT), row.id());
			}
		}
		return facts.localUsers().stream().map(u -> {
			boolean admin = u.builtInAdministrator() || facts.administrators() != null && facts.administrators()
				.stream()
				.anyMatch(a -> !a.group()
						&& (Objects.equals(a.sid(), u.sid()) || a.shortName().equalsIgnoreCase(u.name())));
			return new LocalAccount(u.name(), u.fullName(), u.enabled(), admin,
					u.lastLogon() == null ? null : u.lastLogon().toInstant(), u.passwordLastSet(),
					u.passwordNeverExpires(), byUserId.get(u.name().toLowerCase(Locale.ROOT)));
		}).toList();
	}

	/** What the device ledger learns from a collector file (empty facts are left out). */
	static Map<String, String> ledgerValues(EndpointFacts f) {
		Map<String, String> v = new LinkedHashMap<>();
		v.put("name", f.hostname());
		v.put("kind", f.isTerminal() ? "pc" : "server");
		put(v, "maker", f.computer().manufacturer());
		put(v, "model", f.computer().model());
		if (DeviceMatch.realSerial(f.computer().serialNumber())) {
			put(v, "serial", f.computer().serialNumber());
		}
		if (f.os() != null) {
			put(v, "os", f.os().caption());
			String version = Objects.toString(f.os().version(), "")
					+ (f.os().displayVersion() == null ? "" : " (" + f.os().displayVersion() + ")");
			put(v, "osVersion", version);
		}
		put(v, "hostname", f.hostname());
		if (f.networkAdapters() != null) {
			put(v, "ipAddresses",
					String.join("\n",
							f.networkAdapters()
								.stream()
								.flatMap(a -> a.ipAddresses().stream())
								.filter(ip -> !ip.toLowerCase(Locale.ROOT).startsWith("fe80"))
								.distinct()
								.toList()));
			put(v, "macAddresses",
					String.join("\n",
							f.networkAdapters()
								.stream()
								.map(EndpointFacts.NetworkAdapter::macAddress)
								.filter(Objects::nonNull)
								.map(DeviceMatch::mac)
								.distinct()
								.toList()));
		}
		if (f.software() != null) {
			// the ledger column holds 4000 characters: the full list is in the endpoint
			// tables
			StringBuilder lines = new StringBuilder();
			for (EndpointFacts.Software s : f.software()) {
				String line = (s.name() + " " + Objects.toString(s.version(), "")).strip();
				if (lines.length() + line.length() + 1 > 4000) {
					break;
				}
				lines.append(lines.isEmpty() ? "" : "\n").append(line);
			}
			put(v, "software", lines.toString());
		}
		if (f.hotfixes() != null) {
			f.hotfixes()
				.stream()
				.map(EndpointFacts.Hotfix::installedOn)
				.filter(Objects::nonNull)
				.max(Comparator.naturalOrder())
				.map(LocalDate::toString)
				.ifPresent(d -> v.put("lastPatchedOn", d));
		}
		if (f.usb() != null) {
			v.put("usbPolicy", f.usb().restricted() ? "blocked" : "allowed");
		}
		return v;
	}

	/**
	 * Computes the findings of all the organisation's machines again from their stored
	 * files (the shared administrator indicator compares machines).
	 */
	void refreshFindings(OrgId org) {
		List<EndpointFacts> machines = new ArrayList<>();
		for (EndpointRepository.StoredFile file : repository.files(org)) {
			try {
				// the machine id as the "file" ties each finding back to its machine
				machines.add(CollectorFileReader.read(file.machineId().toString(), file.bytes()));
			}
			catch (UnreadableFactsException ex) {
				// stored files were read once already; a file that no longer reads has no
				// findings
			}
		}
		List<EndpointRepository.MachineFinding> findings = new ArrayList<>();
		for (EndpointFinding f : analysis.withApproved(approved(org)).analyse(machines)) {
			findings.add(new EndpointRepository.MachineFinding(UUID.fromString(f.file()), f));
		}
		repository.replaceFindings(org, findings);
	}

	/**
	 * The organisation's 許可ソフトウェア一覧 (inventory ledger): its rows approve services and
	 * remote-access tools on machines of their device kind, on top of the built-in
	 * service policy.
	 */
	private ApprovedSoftware approved(OrgId org) {
		ApprovedSoftware approved = ApprovedSoftware.none();
		LedgerDefinition allowlist = ledgers.require(InventoryLedgers.SOFTWARE_ALLOWLIST);
		for (LedgerRow row : store.list(allowlist, org, 0, Integer.MAX_VALUE)) {
			if (row.value("deviceKind") instanceof String kind && row.value("software") instanceof String name) {
				approved = approved.withDeviceKind(kind, name);
			}
		}
		return approved;
	}

	private static int size(List<?> list) {
		return list == null ? 0 : list.size();
	}

	private static void put(Map<String, String> values, String key, String value) {
		if (!blank(value)) {
			values.put(key, value.strip());
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
