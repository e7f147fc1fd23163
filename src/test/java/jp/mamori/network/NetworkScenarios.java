package jp.mamori.network;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.CheckStatus;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.identity.OrgRole;
import jp.mamori.network.config.Vendor;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.support.Fixtures;
import jp.mamori.support.LedgerMother;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Uploading, storing, re-uploading and triaging configuration and scan analyses, and the
 * two checks built on them; run on H2 and on PostgreSQL. The fixtures are the synthetic
 * clinic RTX router configuration and the clinic nmap scan (one PC the ledger lacks).
 */
abstract class NetworkScenarios {

	static final String RTX = "/network/rtx-clinic.txt";

	static final String SCAN = "/network/scan/clinic-scan.xml";

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerMother mother;

	@Autowired
	AnalyseNetworkFiles analyser;

	@Autowired
	NetworkFindings findings;

	@Autowired
	NoOpenSourceRulesCheck openSourceRules;

	@Autowired
	ScanMatchesLedgerCheck scanMatchesLedger;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	OrgId clinic() {
		return fixtures.clinicWith(Fixtures.uniqueName("net"), OrgRole.ADMIN).id();
	}

	static byte[] fixture(String path) {
		try (InputStream in = NetworkScenarios.class.getResourceAsStream(path)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static EvaluationContext context(OrgId org) {
		return new EvaluationContext(org, FiscalYear.of(2025), LocalDate.of(2025, 6, 15));
	}

	NetworkAnalysis uploadRtx(OrgId org) {
		return analyser.analyseConfig(org, "rtx-clinic.txt", fixture(RTX), null, null, "it-staff");
	}

	/** The clinic's ledger without the PC at 192.168.10.50. */
	void ledger(OrgId org) {
		mother.row("devices", org, Map.of("name", "ルータ", "kind", "ネットワーク機器", "ipAddresses", "192.168.10.1"));
		mother.row("devices", org, Map.of("name", "電子カルテサーバ", "kind", "サーバ", "hostname", "EMR-SV01", "ipAddresses",
				"192.168.10.11", "macAddresses", "00-15-5D-0A-0B-0C"));
		mother.row("devices", org, Map.of("name", "受付PC1", "kind", "端末PC", "hostname", "recept-pc1.clinic.local"));
		mother.row("devices", org, Map.of("name", "画像サーバ", "kind", "サーバ", "macAddresses", "aa:bb:cc:00:11:22"));
		mother.row("devices", org, Map.of("name", "NAS", "kind", "サーバ", "ipAddresses", "192.168.10.60"));
	}

	@Test
	void storesTheRtxConfigurationsFindingsWithLineFixAndEvidence() {
		OrgId org = clinic();
		NetworkAnalysis analysis = uploadRtx(org);
		assertThat(analysis.kind()).isEqualTo(AnalysisKind.CONFIG);
		assertThat(analysis.format()).isEqualTo("rtx");
		assertThat(analysis.sha256()).hasSize(64);
		assertThat(findings.analyses(org)).extracting(NetworkAnalysis::id).containsExactly(analysis.id());
		List<NetworkFinding> stored = findings.of(org, analysis.id());
		assertThat(stored).hasSize(analysis.findings()).isNotEmpty();
		assertThat(stored).extracting(NetworkFinding::findingId).contains("port-forward-exposed", "telnet-enabled");
		NetworkFinding rdp = stored.stream()
			.filter(f -> f.findingId().equals("port-forward-exposed") && f.service().contains("3389"))
			.findFirst()
			.orElseThrow();
		assertThat(rdp.line()).isPositive();
		assertThat(rdp.evidence()).contains("3389");
		assertThat(rdp.summary()).isNotBlank();
		assertThat(rdp.state()).isEqualTo(NetworkFindingState.NEW);
	}

	@Test
	void reuploadingTheSameFileReplacesItsAnalysisAndKeepsTriage() {
		OrgId org = clinic();
		NetworkAnalysis first = uploadRtx(org);
		NetworkFinding telnet = findings.of(org, first.id())
			.stream()
			.filter(f -> f.findingId().equals("telnet-enabled"))
			.findFirst()
			.orElseThrow();
		findings.triage(org, telnet.id(), telnet.version(), NetworkFindingState.IN_PROGRESS, "業者に依頼済み", "it-staff");
		assertThatThrownBy(
				() -> findings.triage(org, telnet.id(), telnet.version(), NetworkFindingState.CONFIRMED, null, "other"))
			.isInstanceOf(ConflictException.class);

		NetworkAnalysis again = analyser.analyseConfig(org, "show-config-copy.txt", fixture(RTX), Vendor.RTX, null,
				"other-staff");

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(findings.analyses(org)).singleElement()
			.satisfies(a -> assertThat(a.fileName()).isEqualTo("show-config-copy.txt"));
		List<NetworkFinding> after = findings.of(org, first.id());
		assertThat(after).hasSize(first.findings());
		NetworkFinding kept = findings.require(org, telnet.id());
		assertThat(kept.state()).isEqualTo(NetworkFindingState.IN_PROGRESS);
		assertThat(findings.comments(org, telnet.id())).singleElement()
			.satisfies(c -> assertThat(c.body()).isEqualTo("業者に依頼済み"));
	}

	@Test
	void anAnalysisAndATriageMakeTheCachedEvaluationStale() {
		OrgId org = clinic();
		assertThat(changes(org)).isZero();
		NetworkAnalysis analysis = uploadRtx(org);
		assertThat(changes(org)).isOne();
		jdbc.sql("delete from evaluation_change where org_id = ?").param(org.value()).update();
		NetworkFinding finding = findings.of(org, analysis.id()).get(0);
		findings.triage(org, finding.id(), finding.version(), NetworkFindingState.CONFIRMED, null, "it-staff");
		assertThat(changes(org)).isOne();
	}

	long changes(OrgId org) {
		return jdbc.sql("select count(*) from evaluation_change where org_id = ?")
			.param(org.value())
			.query(Long.class)
			.single();
	}

	@Test
	void aFileThatIsNoConfigurationOrScanStoresNothing() {
		OrgId org = clinic();
		assertThatThrownBy(() -> analyser.analyseConfig(org, "memo.txt",
				"hello\nworld\n".getBytes(StandardCharsets.UTF_8), null, null, "it-staff"))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("判別できませんでした");
		assertThatThrownBy(() -> analyser.analyseScan(org, "scan.xml", "<html></html>".getBytes(StandardCharsets.UTF_8),
				"it-staff"))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("nmap");
		assertThatThrownBy(() -> analyser.analyseScan(org, "empty.xml", new byte[0], "it-staff"))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("空");
		assertThat(findings.analyses(org)).isEmpty();
		assertThat(findings.list(org, null)).isEmpty();
	}

	@Test
	void anotherOrganisationSeesNothing() {
		OrgId org = clinic();
		OrgId other = clinic();
		NetworkAnalysis analysis = uploadRtx(org);
		NetworkFinding finding = findings.of(org, analysis.id()).get(0);
		assertThat(findings.analyses(other)).isEmpty();
		assertThat(findings.list(other, null)).isEmpty();
		assertThatThrownBy(() -> findings.requireAnalysis(other, analysis.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> findings.require(other, finding.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> findings.triage(other, finding.id(), 0, NetworkFindingState.CONFIRMED, null, "x"))
			.isInstanceOf(NotFoundException.class);
		assertThat(openSourceRules.evaluate(context(other)).status()).isEqualTo(CheckStatus.UNKNOWN);
		// the same file in another organisation is its own analysis, not a replacement
		NetworkAnalysis theirs = uploadRtx(other);
		assertThat(theirs.id()).isNotEqualTo(analysis.id());
		assertThat(findings.require(org, finding.id()).state()).isEqualTo(NetworkFindingState.NEW);
		// a device of another organisation cannot be linked
		var device = mother.row("devices", org, Map.of("name", "ルーター", "kind", "ネットワーク機器"));
		assertThatThrownBy(() -> analyser.analyseConfig(other, "rtx.txt", fixture(RTX), null, device.id(), "x"))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("機器台帳");
	}

	@Test
	void openSourceRulesCheckIsUnknownThenFailsThenPassesOnceEveryOpenFindingIsAFalsePositive() {
		OrgId org = clinic();
		assertThat(openSourceRules.evaluate(context(org)).status()).isEqualTo(CheckStatus.UNKNOWN);
		NetworkAnalysis analysis = uploadRtx(org);

		CheckResult failed = openSourceRules.evaluate(context(org));
		assertThat(failed.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(failed.reasons())
			.anySatisfy(r -> assertThat(r).contains("rtx-clinic.txt", "行目", "port-forward-exposed"));
		assertThat(failed.reasons()).noneMatch(r -> r.contains("telnet-enabled"));
		assertThat(failed.refs()).extracting(CheckResult.Ref::rowId).containsOnly(analysis.id());

		for (NetworkFinding f : findings.of(org, analysis.id())) {
			if (NoOpenSourceRulesCheck.OPEN_SOURCE_FINDINGS.contains(f.findingId())) {
				findings.triage(org, f.id(), f.version(), NetworkFindingState.CONFIRMED, null, "it-staff");
			}
		}
		// confirmed is still open: the setting has not changed
		assertThat(openSourceRules.evaluate(context(org)).status()).isEqualTo(CheckStatus.FAIL);
		for (NetworkFinding f : findings.of(org, analysis.id())) {
			if (NoOpenSourceRulesCheck.OPEN_SOURCE_FINDINGS.contains(f.findingId())) {
				findings.triage(org, f.id(), f.version(), NetworkFindingState.FALSE_POSITIVE, "業者と確認: 接続元は上位で制限",
						"it-staff");
			}
		}
		CheckResult passed = openSourceRules.evaluate(context(org));
		assertThat(passed.status()).isEqualTo(CheckStatus.PASS);
		// an analysis from the previous 年度 alone does not pass this year
		assertThat(openSourceRules.evaluate(new EvaluationContext(org, FiscalYear.of(2026), LocalDate.of(2026, 6, 1)))
			.status()).isEqualTo(CheckStatus.UNKNOWN);
	}

	@Test
	void scanCheckIsUnknownWithoutAScanFailsOnAnUnregisteredDeviceAndPassesOnceItIsInTheLedger() {
		OrgId org = clinic();
		assertThat(scanMatchesLedger.evaluate(context(org)).status()).isEqualTo(CheckStatus.UNKNOWN);
		ledger(org);
		NetworkAnalysis scan = analyser.analyseScan(org, "clinic-scan.xml", fixture(SCAN), "it-staff");
		assertThat(scan.kind()).isEqualTo(AnalysisKind.SCAN);
		assertThat(scan.items()).isEqualTo(6);
		assertThat(findings.of(org, scan.id())).filteredOn(f -> f.findingId().equals("unregistered-device"))
			.singleElement()
			.satisfies(f -> assertThat(f.address()).isEqualTo("192.168.10.50"));

		CheckResult failed = scanMatchesLedger.evaluate(context(org));
		assertThat(failed.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(failed.reasons()).singleElement().satisfies(r -> assertThat(r).contains("192.168.10.50"));
		assertThat(failed.refs()).extracting(CheckResult.Ref::rowId).containsExactly(scan.id());

		mother.row("devices", org, Map.of("name", "受付PC2", "kind", "端末PC", "ipAddresses", "192.168.10.50"));
		NetworkAnalysis again = analyser.analyseScan(org, "clinic-scan.xml", fixture(SCAN), "it-staff");
		assertThat(again.id()).isEqualTo(scan.id());
		assertThat(findings.of(org, scan.id())).noneMatch(f -> f.findingId().equals("unregistered-device"));
		assertThat(scanMatchesLedger.evaluate(context(org)).status()).isEqualTo(CheckStatus.PASS);
	}

	@Autowired
	ImportGlpiInventory glpi;

	@Autowired
	jp.mamori.shared.ledger.LedgerStore ledgerStore;

	@Autowired
	jp.mamori.shared.ledger.Ledgers ledgers;

	@Test
	void anInventoryFillsTheDeviceLedgerAndUpdatesTheSameServerKeepingWhatPeopleWrote() {
		OrgId org = clinic();
		OrgId other = clinic();
		mother.row("devices", org, Map.of("name", "電子カルテサーバ", "kind", "サーバ", "hostname", "EMR-SV01", "location", "サーバ室",
				"osVersion", "1607"));
		byte[] json = fixture("/network/inventory/clinic-emr-server.json");

		ImportGlpiInventory.Result first = glpi.importFile(org, "emr.json", json, "it-staff");
		assertThat(first.created()).isZero();
		assertThat(first.updated()).isEqualTo(1);
		var rows = ledgerStore.list(ledgers.require("devices"), org, 0, 100);
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row.value("name")).isEqualTo("電子カルテサーバ");
			assertThat(row.value("location")).isEqualTo("サーバ室");
			assertThat(row.value("serial")).isEqualTo("MA1234567");
			assertThat(String.valueOf(row.value("os"))).contains("Windows Server 2019");
			assertThat(String.valueOf(row.value("ipAddresses"))).contains("192.168.10.10");
		});

		glpi.importFile(org, "emr.json", json, "it-staff");
		assertThat(ledgerStore.list(ledgers.require("devices"), org, 0, 100)).hasSize(1);
		assertThat(ledgerStore.list(ledgers.require("devices"), other, 0, 100)).isEmpty();

		assertThat(glpi.importFile(other, "emr.json", json, "it-staff").created()).isEqualTo(1);
		assertThatThrownBy(() -> glpi.importFile(org, "x.json", "not json".getBytes(), "it-staff"))
			.isInstanceOf(jp.mamori.shared.BadInputException.class)
			.hasMessageContaining("JSON");
	}

	@Test
	void theGlpiSamplesBecomeLedgerRows() throws IOException {
		OrgId org = clinic();
		for (String name : List.of("computer_1.json", "networkequipment_2.json", "printer_1.json")) {
			glpi.importFile(org, name,
					java.nio.file.Files.readAllBytes(jp.mamori.support.SharedSamples.sample("inventory/" + name)), "t");
		}
		var rows = ledgerStore.list(ledgers.require("devices"), org, 0, 100);
		assertThat(rows).hasSize(3);
		assertThat(rows).extracting(r -> r.value("kind")).containsExactlyInAnyOrder("pc", "network", "other");
	}

}
