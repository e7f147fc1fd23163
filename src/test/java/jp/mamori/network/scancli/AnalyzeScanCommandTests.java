package jp.mamori.network.scancli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jp.mamori.MamoriCommandLine;
import jp.mamori.shared.ledger.LedgerFile;
import jp.mamori.support.SharedSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mamori analyze scan --json}: offline (no Spring, no database), the JSON contract
 * ({@code files[]}, {@code hosts[]} with {@code ports[]}, {@code findings[]}), the ledger
 * in its export form, as a minimal CP932 CSV and as GLPI JSON, and bad input (exit 2).
 */
class AnalyzeScanCommandTests {

	record Run(int status, String out, String err) {

		JsonNode json() {
			return JsonMapper.builder().build().readTree(out);
		}

		List<JsonNode> findings(String id) {
			List<JsonNode> found = new ArrayList<>();
			json().get("findings").forEach(f -> {
				if (f.get("id").asString().equals(id)) {
					found.add(f);
				}
			});
			return found;
		}

		JsonNode host(String address) {
			for (JsonNode host : json().get("hosts")) {
				if (host.get("address").asString().equals(address)) {
					return host;
				}
			}
			throw new AssertionError("no host " + address + " in " + out);
		}

	}

	static Run analyze(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		String[] all = new String[args.length + 2];
		all[0] = "analyze";
		all[1] = "scan";
		System.arraycopy(args, 0, all, 2, args.length);
		int status = MamoriCommandLine.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Run(status, out.toString(), err.toString());
	}

	static String fixture(String name) {
		try {
			return Path.of(AnalyzeScanCommandTests.class.getResource("/network/scan/" + name).toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(n -> texts.add(n.isNull() ? null : n.asString()));
		return texts;
	}

	@Test
	void printsTheTwoHostSampleAsJson() {
		Run run = analyze("--json", SharedSamples.sample("nmap/2_hosts_version.xml").toString());
		assertThat(run.status()).as(run.err()).isZero();
		JsonNode file = run.json().get("files").get(0);
		assertThat(file.get("file").asString()).endsWith("2_hosts_version.xml");
		assertThat(file.get("hosts").asInt()).isEqualTo(2);
		assertThat(file.get("up").asInt()).isEqualTo(2);
		assertThat(file.get("ports").asInt()).isEqualTo(8);
		assertThat(file.get("scanner").asString()).isEqualTo("nmap 5.51");
		assertThat(file.get("truncated").asBoolean()).isFalse();
		JsonNode scanme = run.host("74.207.244.221");
		assertThat(scanme.get("hostname").asString()).isEqualTo("scanme.nmap.org");
		List<Integer> ports = new ArrayList<>();
		scanme.get("ports").forEach(p -> ports.add(p.get("port").asInt()));
		assertThat(ports).containsExactly(22, 80, 9929);
		assertThat(run.host("127.0.0.1").get("ports")).hasSize(5);
		// no ledger: only services are looked at, and it says so
		assertThat(run.json().get("ledgerCompared").asBoolean()).isFalse();
		assertThat(texts(run.json().get("notes"))).anySatisfy(n -> assertThat(n).contains("--inventory"));
	}

	@Test
	void printsServiceVersionsAndCpesOfTheBannerSample() {
		Run run = analyze("--json", SharedSamples.sample("nmap/1_os_banner_scripts.xml").toString());
		assertThat(run.status()).as(run.err()).isZero();
		JsonNode host = run.host("127.0.0.1");
		assertThat(host.get("ports")).hasSize(8);
		JsonNode ssh = host.get("ports").get(0);
		assertThat(ssh.get("port").asInt()).isEqualTo(22);
		assertThat(ssh.get("protocol").asString()).isEqualTo("tcp");
		assertThat(ssh.get("service").asString()).isEqualTo("ssh");
		assertThat(ssh.get("product").asString()).isEqualTo("OpenSSH");
		assertThat(ssh.get("version").asString()).isEqualTo("5.3");
		List<String> risky = new ArrayList<>();
		run.findings("risky-service")
			.forEach(f -> risky.add(f.get("port").asInt() + " " + f.get("service").asString()));
		assertThat(risky).containsExactlyInAnyOrder("8009 ajp13", "3306 mysql");
	}

	@Test
	void comparesTheClinicScanWithTheLedgerExport() {
		Run run = analyze("--json", "--inventory", fixture("clinic-ledger.csv"), fixture("clinic-scan.xml"));
		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.json().get("ledgerCompared").asBoolean()).isTrue();
		assertThat(run.json().get("ledgerDevices").asInt()).isEqualTo(10);
		JsonNode emr = run.host("192.168.10.10");
		assertThat(emr.get("device").asString()).isEqualTo("電子カルテサーバ");
		assertThat(emr.get("matchedBy").asString()).isEqualTo("mac");
		assertThat(emr.get("os").asString()).isEqualTo("Microsoft Windows Server 2016");
		assertThat(emr.get("mac").asString()).isEqualTo("00:15:5D:0A:0B:0C");
		assertThat(run.findings("unregistered-device")).singleElement().satisfies(f -> {
			assertThat(f.get("address").asString()).isEqualTo("192.168.10.50");
			assertThat(f.get("severity").asString()).isEqualTo("medium");
		});
		List<String> notSeen = new ArrayList<>();
		run.findings("ledger-device-not-seen").forEach(f -> notSeen.add(f.get("device").asString()));
		assertThat(notSeen).containsExactly("レセコンサーバ", "検査PC");
		JsonNode telnet = run.findings("risky-service")
			.stream()
			.filter(f -> f.get("port").asInt() == 23)
			.findFirst()
			.orElseThrow();
		assertThat(telnet.get("severity").asString()).isEqualTo("high");
		assertThat(telnet.get("address").asString()).isEqualTo("192.168.10.1");
		assertThat(telnet.get("service").asString()).isEqualTo("telnet");
		assertThat(telnet.get("summary").asString()).contains("Telnet");
		assertThat(telnet.get("device").asString()).isEqualTo("ルータ");
		assertThat(run.findings("risky-service")).filteredOn(f -> f.get("port").asInt() == 3389)
			.extracting(f -> f.get("address").asString())
			.contains("192.168.10.10", "192.168.10.21");
	}

	@Test
	void readsAMinimalCp932Ledger(@TempDir Path dir) throws IOException {
		Path ledger = dir.resolve("devices.csv");
		Files.write(ledger, ("name,hostname,ip,mac\r\n" + "電子カルテサーバ,EMR-SV01,192.168.10.11,00:15:5d:0a:0b:0c\r\n"
				+ "受付ＰＣ１,RECEPT-PC1,,\r\n")
			.getBytes(LedgerFile.CP932));
		Run run = analyze("--json", "--inventory", ledger.toString(), fixture("clinic-scan.xml"));
		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.host("192.168.10.10").get("device").asString()).isEqualTo("電子カルテサーバ");
		assertThat(run.host("192.168.10.21").get("device").asString()).isEqualTo("受付ＰＣ１");
		List<String> unregistered = new ArrayList<>();
		run.findings("unregistered-device").forEach(f -> unregistered.add(f.get("address").asString()));
		assertThat(unregistered).containsExactlyInAnyOrder("192.168.10.1", "192.168.10.41", "192.168.10.50",
				"192.168.10.60");
	}

	@Test
	void readsAGlpiInventoryAsTheLedger() throws URISyntaxException {
		String glpi = Path.of(getClass().getResource("/network/inventory/clinic-emr-server.json").toURI()).toString();
		Run run = analyze("--json", "--inventory", glpi, fixture("clinic-scan.xml"));
		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.host("192.168.10.10").get("device").asString()).isEqualTo("EMR-SV01");
	}

	@Test
	void reportsATruncatedScanAndKeepsItsHosts() {
		Run run = analyze("--json", fixture("clinic-truncated.xml"));
		assertThat(run.status()).as(run.err()).isZero();
		JsonNode file = run.json().get("files").get(0);
		assertThat(file.get("truncated").asBoolean()).isTrue();
		assertThat(file.get("hosts").asInt()).isEqualTo(2);
		assertThat(texts(file.get("notes"))).anySatisfy(n -> assertThat(n).contains("途中で終わっています"));
	}

	@Test
	void printsJapaneseTextWithoutJson() {
		Run run = analyze("--inventory", fixture("clinic-ledger.csv"), fixture("clinic-scan.xml"));
		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.out()).contains("■ 読み込んだスキャン", "■ 応答した機器 6台", "■ 検出 14件", "[高] risky-service", "台帳: 電子カルテサーバ",
				"台帳になし");
	}

	@Test
	void exitsWithTwoForAMissingFile(@TempDir Path dir) {
		Run run = analyze("--json", dir.resolve("none.xml").toString());
		assertThat(run.status()).isEqualTo(2);
		assertThat(run.err()).contains("ファイルが見つかりません");
	}

	@Test
	void exitsWithTwoForAFileThatIsNotAScan(@TempDir Path dir) throws IOException {
		Path log = dir.resolve("scan.txt");
		Files.writeString(log, "Nmap scan report for 192.168.10.1\n", StandardCharsets.UTF_8);
		Run run = analyze("--json", log.toString());
		assertThat(run.status()).isEqualTo(2);
		assertThat(run.err()).contains("XML として読めません");
	}

	@Test
	void exitsWithTwoForALedgerWithoutAddressesOrNames(@TempDir Path dir) throws IOException {
		Path ledger = dir.resolve("ledger.csv");
		Files.writeString(ledger, "機器名,種別\n電子カルテサーバ,サーバ\n", StandardCharsets.UTF_8);
		Run run = analyze("--json", "--inventory", ledger.toString(), fixture("clinic-scan.xml"));
		assertThat(run.status()).isEqualTo(2);
		assertThat(run.err()).contains("照合できません");
	}

}
