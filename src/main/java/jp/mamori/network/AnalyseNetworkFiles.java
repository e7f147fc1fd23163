package jp.mamori.network;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.network.config.ConfigFinding;
import jp.mamori.network.config.ConfigParsers;
import jp.mamori.network.config.DeviceConfig;
import jp.mamori.network.config.RestrictionAnalysis;
import jp.mamori.network.config.Vendor;
import jp.mamori.network.internal.NetworkAnalysisRepository;
import jp.mamori.network.scan.LedgerDevice;
import jp.mamori.network.scan.NmapScan;
import jp.mamori.network.scan.NmapXmlReader;
import jp.mamori.network.scan.ScanFinding;
import jp.mamori.network.scan.ScanReview;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.Sha256;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analyses an uploaded router or firewall configuration (2-⑬) or an nmap XML scan
 * compared with the organisation's device ledger (2-①) and stores the findings. The same
 * file uploaded again (same SHA-256) replaces its earlier analysis: findings that come
 * out the same keep their id and triage. A file that cannot be read stores nothing.
 * Publishes {@link NetworkFileAnalysed}.
 */
@Component
public class AnalyseNetworkFiles {

	/** The inventory module's device ledger, read by id (no code dependency). */
	static final String DEVICES = "devices";

	/** Configurations and scans are text of at most a few megabytes. */
	public static final long MAX_BYTES = 32L * 1024 * 1024;

	private final NetworkAnalysisRepository repository;

	private final ConfigParsers parsers = ConfigParsers.standard();

	private final RestrictionAnalysis restrictions = new RestrictionAnalysis();

	private final Ledgers ledgers;

	private final LedgerStore ledgerStore;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final jp.mamori.vulnerability.VulnerabilityFeeds feeds;

	AnalyseNetworkFiles(NetworkAnalysisRepository repository, Ledgers ledgers, LedgerStore ledgerStore,
			ApplicationEventPublisher events, Clock clock, jp.mamori.vulnerability.VulnerabilityFeeds feeds) {
		this.feeds = feeds;
		this.repository = repository;
		this.ledgers = ledgers;
		this.ledgerStore = ledgerStore;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Analyses a device configuration.
	 * @param org the organisation
	 * @param fileName the name as uploaded
	 * @param content the file's bytes
	 * @param vendor the dialect, or null to detect it
	 * @param deviceId the device-ledger row the configuration belongs to, or null
	 * @param by the user
	 * @return the stored analysis
	 * @throws BadInputException when the file is empty, too large or no configuration we
	 * can read, or the device is not the organisation's
	 */
	@Transactional
	public NetworkAnalysis analyseConfig(OrgId org, String fileName, byte[] content, Vendor vendor, UUID deviceId,
			String by) {
		String name = cleanName(fileName, "config");
		checkSize(name, content);
		if (deviceId != null && ledgerStore.find(ledgers.require(DEVICES), org, deviceId).isEmpty()) {
			throw new BadInputException("機器台帳の行が見つかりません。機器を選び直してください。");
		}
		DeviceConfig config = parsers.parse(name, content, vendor);
		if (config.vendor() == Vendor.UNKNOWN) {
			throw new BadInputException(name + ": " + String.join(" ", config.notes()));
		}
		List<ConfigFinding> found = restrictions.analyse(config);
		List<NetworkFinding> drafts = new ArrayList<>();
		for (ConfigFinding f : found) {
			drafts.add(draft(f.id() + "|" + f.line() + "|" + f.rule() + "|" + f.iface() + "|" + f.service(), f.id(),
					f.severity().id(), f.line(), f.rule(), f.service(), f.iface(), "", null, f.summary(), f.fix(),
					f.evidence()));
		}
		return store(org, AnalysisKind.CONFIG, name, content, config.vendor().id(), config.hostname(),
				config.rules().size(), config.skipped(), config.notes(), deviceId, drafts, by);
	}

	/**
	 * Analyses an nmap XML scan against the organisation's device ledger.
	 * @param org the organisation
	 * @param fileName the name as uploaded
	 * @param content the file's bytes
	 * @param by the user
	 * @return the stored analysis
	 * @throws BadInputException when the file is empty, too large or not nmap XML
	 */
	@Transactional
	public NetworkAnalysis analyseScan(OrgId org, String fileName, byte[] content, String by) {
		String name = cleanName(fileName, "scan.xml");
		checkSize(name, content);
		NmapScan scan = new NmapXmlReader().read(new ByteArrayInputStream(content), name);
		List<LedgerDevice> devices = ledgerDevices(org);
		ScanReview.Result review = ScanReview.review(List.of(scan), devices);
		List<String> notes = new ArrayList<>(scan.notes());
		notes.addAll(review.notes());
		if (devices.isEmpty()) {
			notes.add("機器台帳に機器が1台もありません。応答した機器はすべて「台帳にない機器」になります。");
		}
		List<NetworkFinding> drafts = new ArrayList<>();
		for (ScanFinding f : review.findings()) {
			String service = f.protocol() == null ? nullToEmpty(f.service())
					: f.protocol() + "/" + f.port() + (f.service() == null ? "" : " " + f.service());
			String product = (nullToEmpty(f.product()) + " " + nullToEmpty(f.version())).strip();
			String evidence = String.join(" ", nonBlank(f.address(), f.hostname(), f.mac(), product));
			drafts
				.add(draft(
						f.id() + "|" + f.address() + "|" + f.protocol() + "|" + f.port() + "|"
								+ nullToEmpty(f.device()),
						f.id(), f.severity().id(), 0, nullToEmpty(f.device()), service, "", f.address(), f.port(),
						f.summary(), f.fix(), evidence));
		}
		drafts.addAll(serviceVersions(review.services()));
		return store(org, AnalysisKind.SCAN, name, content, "nmap", "", review.hosts().size(), scan.skipped(), notes,
				null, drafts, by);
	}

	/**
	 * The product versions the scan saw on open services (OpenSSH 5.3, Apache 2.2.15 …)
	 * against the stored KEV/NVD/endoflife.date feeds: a server the ledger forgot can
	 * still run an end-of-life or known-exploited version. Nothing without feeds.
	 */
	private List<NetworkFinding> serviceVersions(List<jp.mamori.network.scan.DiscoveredService> services) {
		if (!feeds.anyStored()) {
			return List.of();
		}
		jp.mamori.vulnerability.ProductRecognizer recognizer = jp.mamori.vulnerability.ProductRecognizer.standard();
		List<jp.mamori.vulnerability.InventoryItem> items = new ArrayList<>();
		Map<String, jp.mamori.network.scan.DiscoveredService> byDevice = new LinkedHashMap<>();
		for (jp.mamori.network.scan.DiscoveredService service : services) {
			if (service.product() == null || service.version() == null) {
				continue;
			}
			String text = service.product() + " " + service.version();
			String device = service.address() + ":" + service.port();
			recognizer.recognise(text).filter(jp.mamori.vulnerability.ProductKey::hasVersion).ifPresent(key -> {
				items.add(new jp.mamori.vulnerability.InventoryItem(device, text, key));
				byDevice.put(device, service);
			});
		}
		List<NetworkFinding> drafts = new ArrayList<>();
		for (jp.mamori.vulnerability.VersionFinding f : jp.mamori.vulnerability.VersionMatcher.match(items,
				feeds.current(), java.time.LocalDate.now(clock))) {
			if (jp.mamori.vulnerability.VersionFinding.UNKNOWN_VERSION.equals(f.id())) {
				continue;
			}
			jp.mamori.network.scan.DiscoveredService service = byDevice.get(f.device());
			String what = f.cve() != null ? f.cve() : nullToEmpty(f.cycle());
			drafts.add(draft(f.id() + "|" + f.device() + "|" + what, f.id(), f.severity(), 0, what,
					service.protocol() + "/" + service.port() + " " + nullToEmpty(service.service()), "",
					service.address(), service.port(),
					"スキャンで見つかった " + f.source() + "（" + service.address() + ":" + service.port() + "）: " + f.summary(),
					"",
					String.join(" ", nonBlank(service.address(), service.hostname(), f.source(), f.feedVersion()))));
		}
		return drafts;
	}

	/**
	 * The organisation's devices a configuration can be linked to: row id → name (with
	 * host name).
	 */
	public Map<UUID, String> deviceChoices(OrgId org) {
		Map<UUID, String> choices = new LinkedHashMap<>();
		for (LedgerRow row : ledgerStore.list(ledgers.require(DEVICES), org, 0, Integer.MAX_VALUE)) {
			String name = text(row.value("name"));
			String host = text(row.value("hostname"));
			choices.put(row.id(), (name == null ? "-" : name) + (host == null ? "" : "（" + host + "）"));
		}
		return choices;
	}

	/** The organisation's device ledger as the scan review compares it. */
	List<LedgerDevice> ledgerDevices(OrgId org) {
		LedgerDefinition ledger = ledgers.require(DEVICES);
		List<LedgerDevice> devices = new ArrayList<>();
		for (LedgerRow row : ledgerStore.list(ledger, org, 0, Integer.MAX_VALUE)) {
			devices.add(new LedgerDevice(text(row.value("name")), text(row.value("hostname")),
					list(row.value("ipAddresses")), list(row.value("macAddresses")), text(row.value("status"))));
		}
		return devices;
	}

	private NetworkAnalysis store(OrgId org, AnalysisKind kind, String name, byte[] content, String format,
			String hostname, int items, long skipped, List<String> notes, UUID deviceId, List<NetworkFinding> drafts,
			String by) {
		Instant now = clock.instant();
		String sha = Sha256.hex(content);
		Optional<NetworkAnalysis> previous = repository.bySha256(org, sha);
		UUID id = previous.map(NetworkAnalysis::id).orElseGet(UUID::randomUUID);
		NetworkAnalysis analysis = new NetworkAnalysis(id, kind, name, sha, format, hostname, items, skipped,
				drafts.size(), notes, deviceId, now, by);
		Map<String, NetworkFinding> before = new HashMap<>();
		if (previous.isPresent()) {
			repository.updateAnalysis(org, analysis);
			for (NetworkFinding old : repository.findings(org, id)) {
				before.put(old.key(), old);
			}
		}
		else {
			repository.insertAnalysis(org, analysis);
		}
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (NetworkFinding draft : drafts) {
			// two identical findings in one file (the same line reported twice) stay two
			// rows with distinct keys
			int n = seen.merge(draft.key(), 1, Integer::sum);
			String key = n == 1 ? draft.key() : draft.key() + "#" + n;
			NetworkFinding old = before.remove(key);
			if (old != null) {
				repository.refreshFinding(org,
						withIdentity(draft, old.id(), id, key, old.state(), old.detectedAt(), now, old.version()));
			}
			else {
				repository.insertFinding(org,
						withIdentity(draft, UUID.randomUUID(), id, key, NetworkFindingState.NEW, now, now, 0));
			}
		}
		// the file's new analysis replaces the old one: what it no longer finds goes
		for (NetworkFinding gone : before.values()) {
			repository.deleteFinding(org, gone.id());
		}
		events.publishEvent(
				new NetworkFileAnalysed(org, id, kind, name, format, drafts.size(), previous.isPresent(), by));
		return analysis;
	}

	private static NetworkFinding draft(String key, String findingId, String severity, int line, String rule,
			String service, String iface, String address, Integer port, String summary, String fix, String evidence) {
		return new NetworkFinding(null, null, key, findingId, severity, line, rule, service, iface, address, port,
				summary, fix, evidence, NetworkFindingState.NEW, null, null, 0);
	}

	private static NetworkFinding withIdentity(NetworkFinding f, UUID id, UUID analysisId, String key,
			NetworkFindingState state, Instant detectedAt, Instant updatedAt, int version) {
		return new NetworkFinding(id, analysisId, key, f.findingId(), f.severity(), f.line(), f.rule(), f.service(),
				f.iface(), f.address(), f.port(), f.summary(), f.fix(), f.evidence(), state, detectedAt, updatedAt,
				version);
	}

	private static void checkSize(String name, byte[] content) {
		if (content == null || content.length == 0) {
			throw new BadInputException(name + ": ファイルが空です。");
		}
		if (content.length > MAX_BYTES) {
			throw new BadInputException(name + ": ファイルが大きすぎます（32MBまで）。");
		}
	}

	static String cleanName(String name, String fallback) {
		if (name == null || name.isBlank()) {
			return fallback;
		}
		// browsers may send a full path: keep the file's own name only
		String clean = name.strip().replace('\\', '/');
		return clean.substring(clean.lastIndexOf('/') + 1);
	}

	private static String text(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().strip();
	}

	private static List<String> list(Object value) {
		if (value instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).filter(s -> !s.isBlank()).toList();
		}
		String text = text(value);
		return text == null ? List.of() : List.of(text.split("[,、\\s]+"));
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

	private static List<String> nonBlank(String... values) {
		List<String> kept = new ArrayList<>();
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				kept.add(value);
			}
		}
		return kept;
	}

}
