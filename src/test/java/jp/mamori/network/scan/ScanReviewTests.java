package jp.mamori.network.scan;

import java.util.List;

import jp.mamori.shared.Severity;
import jp.mamori.support.SharedSamples;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The clinic scan against its ledger: the registered server, an unregistered PC, ledger
 * devices that did not answer, RDP and Telnet open; and the shared samples without a
 * ledger.
 */
class ScanReviewTests {

	static ScanReview.Result clinic() {
		return ScanReview.review(List.of(NmapXmlReaderTests.fixture("clinic-scan.xml")), ScanFixtures.clinicLedger());
	}

	static ScanReview.ReviewedHost host(ScanReview.Result result, String address) {
		return result.hosts().stream().filter(h -> address.equals(h.host().address())).findFirst().orElseThrow();
	}

	@Test
	void recognisesLedgerDevicesByMacThenIpThenHostName() {
		ScanReview.Result result = clinic();
		assertThat(result.hosts()).hasSize(6);
		assertThat(result.hosts())
			.extracting(h -> h.host().address(), h -> h.device().map(m -> m.device().name()).orElse(null),
					h -> h.device().map(m -> m.by()).orElse(null))
			.containsExactly(tuple("192.168.10.1", "ルータ", "ip"), tuple("192.168.10.10", "電子カルテサーバ", "mac"),
					tuple("192.168.10.21", "受付PC1", "hostname"), tuple("192.168.10.41", "画像サーバ", "mac"),
					tuple("192.168.10.50", null, null), tuple("192.168.10.60", "NAS", "ip"));
	}

	@Test
	void reportsTheUnregisteredPc() {
		assertThat(clinic().findings(ScanFinding.UNREGISTERED_DEVICE)).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
			assertThat(f.address()).isEqualTo("192.168.10.50");
			assertThat(f.hostname()).isEqualTo("DESKTOP-7Q2K9ZP.clinic.local");
			assertThat(f.mac()).isEqualTo("F4:8E:38:12:34:56");
			assertThat(f.summary()).contains("機器台帳にない機器", "Dell", "445", "5900");
			assertThat(f.fix()).contains("機器台帳に登録");
		});
	}

	@Test
	void reportsActiveLedgerDevicesInsideTheScannedRangeThatDidNotAnswer() {
		List<ScanFinding> notSeen = clinic().findings(ScanFinding.LEDGER_DEVICE_NOT_SEEN);
		// 旧サーバ is retired, the tablet is outside 192.168.10.0/24, the recorder is
		// --exclude'd
		assertThat(notSeen).extracting(ScanFinding::device, ScanFinding::address, ScanFinding::severity)
			.containsExactly(tuple("レセコンサーバ", "192.168.10.12", Severity.LOW),
					tuple("検査PC", "192.168.10.41", Severity.LOW));
		assertThat(notSeen.get(0).summary()).contains("応答しない設定");
		// its address answered, as the PACS server found by MAC
		assertThat(notSeen.get(1).summary()).contains("別の機器（台帳の「画像サーバ」、MACアドレスで一致）");
	}

	@Test
	void reportsRdpTelnetAndTheOtherRiskyServices() {
		ScanReview.Result result = clinic();
		assertThat(result.findings(ScanFinding.RISKY_SERVICE))
			.extracting(ScanFinding::address, ScanFinding::port, ScanFinding::service, ScanFinding::severity)
			.containsExactlyInAnyOrder(tuple("192.168.10.1", 23, "telnet", Severity.HIGH),
					tuple("192.168.10.10", 139, "netbios-ssn", Severity.MEDIUM),
					tuple("192.168.10.10", 445, "microsoft-ds", Severity.MEDIUM),
					tuple("192.168.10.10", 1433, "ms-sql-s", Severity.MEDIUM),
					tuple("192.168.10.10", 3389, "ms-wbt-server", Severity.HIGH),
					tuple("192.168.10.10", 3389, "ms-wbt-server", Severity.MEDIUM),
					tuple("192.168.10.21", 3389, "ms-wbt-server", Severity.HIGH),
					tuple("192.168.10.50", 139, "netbios-ssn", Severity.MEDIUM),
					tuple("192.168.10.50", 445, "microsoft-ds", Severity.MEDIUM),
					tuple("192.168.10.50", 5900, "vnc", Severity.HIGH),
					tuple("192.168.10.60", 2323, "telnet", Severity.HIGH));
		ScanFinding rdp = result.findings(ScanFinding.RISKY_SERVICE)
			.stream()
			.filter(f -> f.port() == 3389 && f.severity() == Severity.HIGH && f.address().endsWith(".10"))
			.findFirst()
			.orElseThrow();
		assertThat(rdp.device()).isEqualTo("電子カルテサーバ");
		assertThat(rdp.product()).isEqualTo("Microsoft Terminal Services");
		assertThat(rdp.summary()).contains("192.168.10.10（EMR-SV01.clinic.local", "リモートデスクトップ（RDP）が開いています");
		assertThat(rdp.fix()).contains("接続元");
		assertThat(result.findings(ScanFinding.RISKY_SERVICE)).filteredOn(f -> f.summary().contains("TLSv1.0"))
			.singleElement()
			.satisfies(f -> assertThat(f.fix()).contains("TLS 1.2 以上"));
	}

	@Test
	void putsTheMostUrgentFindingsFirst() {
		List<ScanFinding> findings = clinic().findings();
		assertThat(findings).extracting(ScanFinding::severity).isSortedAccordingTo(Enum::compareTo);
		assertThat(findings).hasSize(14);
	}

	@Test
	void looksOnlyAtServicesWithoutALedger() {
		ScanReview.Result result = ScanReview.review(List.of(NmapXmlReaderTests.fixture("clinic-scan.xml")), null);
		assertThat(result.ledgerCompared()).isFalse();
		assertThat(result.findings()).extracting(ScanFinding::id).containsOnly(ScanFinding.RISKY_SERVICE);
		assertThat(result.hosts()).allSatisfy(h -> assertThat(h.device()).isEmpty());
	}

	@Test
	void reportsARetiredDeviceThatStillAnswers() {
		List<LedgerDevice> ledger = List.of(ScanFixtures.device("旧ルータ", null, "192.168.10.1", null, "retired"));
		ScanReview.Result result = ScanReview.review(List.of(NmapXmlReaderTests.fixture("clinic-scan.xml")), ledger);
		assertThat(result.findings(ScanFinding.UNREGISTERED_DEVICE)).filteredOn(f -> f.address().equals("192.168.10.1"))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.device()).isEqualTo("旧ルータ");
				assertThat(f.summary()).contains("廃棄・撤去");
			});
	}

	@Test
	void joinsTheSameHostFoundByTwoScans() {
		NmapScan full = NmapXmlReaderTests.fixture("clinic-scan.xml");
		NmapScan partial = NmapXmlReaderTests.fixture("clinic-truncated.xml");
		ScanReview.Result result = ScanReview.review(List.of(partial, full), ScanFixtures.clinicLedger());
		assertThat(result.hosts()).hasSize(6);
		assertThat(host(result, "192.168.10.10").host().openPorts()).extracting(ScannedPort::port)
			.containsExactly(135, 139, 445, 1433, 3389);
	}

	@Test
	void listsEachOpenServiceOnceWithProductVersionAndCpe() {
		NmapScan full = NmapXmlReaderTests.fixture("clinic-scan.xml");
		NmapScan partial = NmapXmlReaderTests.fixture("clinic-truncated.xml");
		List<DiscoveredService> services = ScanReview.review(List.of(full, partial), null).services();
		assertThat(services).hasSize(16);
		assertThat(services).filteredOn(s -> s.port() == 1433).singleElement().satisfies(s -> {
			assertThat(s.address()).isEqualTo("192.168.10.10");
			assertThat(s.product()).isEqualTo("Microsoft SQL Server 2016");
			assertThat(s.version()).isEqualTo("13.00.5026.00; SP2");
			assertThat(s.cpes()).containsExactly("cpe:/a:microsoft:sql_server:2016");
		});
	}

	@Test
	void findsAjpAndMysqlInTheBannerSample() {
		NmapScan scan = NmapXmlReaderTests.read(SharedSamples.sample("nmap/1_os_banner_scripts.xml"));
		ScanReview.Result result = ScanReview.review(List.of(scan), null);
		assertThat(result.findings()).extracting(ScanFinding::port, ScanFinding::service)
			.containsExactlyInAnyOrder(tuple(8009, "ajp13"), tuple(3306, "mysql"));
	}

	@Test
	void recognisesScanmeByNameAndLeavesTheScanningPcItselfAlone() {
		NmapScan scan = NmapXmlReaderTests.read(SharedSamples.sample("nmap/2_hosts_version.xml"));
		ScanReview.Result result = ScanReview.review(List.of(scan),
				List.of(ScanFixtures.device("scanme", "scanme.nmap.org", null, null, "active"),
						ScanFixtures.device("遠くの機器", null, "203.0.113.9", null, "active")));
		assertThat(result.hosts()).extracting(h -> h.device().map(m -> m.by()).orElse(null))
			.containsExactly(null, "hostname");
		// 127.0.0.1 is the PC that ran nmap: not an unregistered device
		assertThat(result.findings(ScanFinding.UNREGISTERED_DEVICE)).isEmpty();
		assertThat(result.findings(ScanFinding.LEDGER_DEVICE_NOT_SEEN)).isEmpty();
		assertThat(result.targets()).containsExactly("localhost", "scanme.nmap.org");
	}

}
