package jp.mamori.network.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import jp.mamori.shared.BadInputException;
import jp.mamori.support.SharedSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading nmap {@code -oX}: the shared samples' ground truth, our clinic fixture (nmap 7
 * layout with DOCTYPE, osmatch/osclass/cpe, scripts), scans stopped part-way, and input
 * that is not nmap XML.
 */
class NmapXmlReaderTests {

	static NmapScan read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return new NmapXmlReader().read(in, file.getFileName().toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static NmapScan fixture(String name) {
		return read(ScanFixtures.path(name));
	}

	static NmapScan text(String xml) {
		return new NmapXmlReader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
	}

	static ScannedHost host(NmapScan scan, String address) {
		return scan.hosts().stream().filter(h -> address.equals(h.address())).findFirst().orElseThrow();
	}

	static List<Integer> openPorts(ScannedHost host) {
		return host.openPorts().stream().map(ScannedPort::port).toList();
	}

	@Test
	void readsTheEightOpenPortsOfTheBannerSample() {
		NmapScan scan = read(SharedSamples.sample("nmap/1_os_banner_scripts.xml"));
		assertThat(scan.scannerVersion()).isEqualTo("5.51");
		assertThat(scan.args()).startsWith("nmap -sV -O -oX /tmp/out.xml --script http-headers,http-methods")
			.endsWith("127.0.0.1");
		assertThat(scan.start()).isEqualTo(Instant.ofEpochSecond(1368156682));
		assertThat(scan.protocols()).containsExactly("tcp");
		assertThat(scan.truncated()).isFalse();
		assertThat(scan.notes()).isEmpty();
		ScannedHost host = host(scan, "127.0.0.1");
		assertThat(host.isUp()).isTrue();
		assertThat(host.hostname()).isEqualTo("localhost");
		assertThat(openPorts(host)).containsExactly(22, 25, 80, 111, 631, 3306, 8009, 8080);
		assertThat(scan.services())
			.extracting(DiscoveredService::port, DiscoveredService::product, DiscoveredService::version)
			.contains(org.assertj.core.groups.Tuple.tuple(80, "Apache httpd", "2.2.15"),
					org.assertj.core.groups.Tuple.tuple(3306, "MySQL", "5.1.67"),
					org.assertj.core.groups.Tuple.tuple(631, "CUPS", "1.4"),
					org.assertj.core.groups.Tuple.tuple(22, "OpenSSH", "5.3"));
		ScannedPort smtp = host.openPorts().get(1);
		assertThat(smtp.product()).isEqualTo("Postfix smtpd");
		ScannedPort ajp = host.openPorts().get(6);
		assertThat(ajp.port()).isEqualTo(8009);
		assertThat(ajp.service()).isEqualTo("ajp13");
		assertThat(ajp.probed()).isFalse();
		ScannedPort http = host.openPorts().get(2);
		assertThat(http.extraInfo()).isEqualTo("(CentOS) PHP/5.3.3");
		assertThat(http.scripts()).containsKeys("http-methods", "http-headers");
		assertThat(http.scripts().get("http-methods")).contains("Potentially risky methods: TRACE");
		// nmap 5 wrote only OS classes: the first of the most accurate is the guess
		assertThat(host.os()).map(OsGuess::name).contains("Netgear embedded");
		assertThat(host.os()).map(OsGuess::accuracy).contains(96);
	}

	@Test
	void readsLocalhostAndScanmeOfTheTwoHostSample() {
		NmapScan scan = read(SharedSamples.sample("nmap/2_hosts_version.xml"));
		assertThat(scan.hosts()).extracting(ScannedHost::address).containsExactly("127.0.0.1", "74.207.244.221");
		assertThat(scan.upHosts()).hasSize(2);
		assertThat(openPorts(host(scan, "127.0.0.1"))).containsExactly(22, 25, 111, 631, 3306);
		ScannedHost scanme = host(scan, "74.207.244.221");
		assertThat(scanme.hostname()).isEqualTo("scanme.nmap.org");
		assertThat(openPorts(scanme)).containsExactly(22, 80, 9929);
		// 25 is listed, but filtered: not open
		assertThat(scanme.ports()).extracting(ScannedPort::port).contains(25);
		assertThat(scanme.os()).map(OsGuess::name).contains("Netgear DG834G WAP");
		assertThat(scanme.os()).map(OsGuess::accuracy).contains(92);
		assertThat(scan.openPortCount()).isEqualTo(8);
	}

	@Test
	void readsTheClinicScanWithDoctypeMacVendorsCpesAndScripts() {
		NmapScan scan = fixture("clinic-scan.xml");
		assertThat(scan.scannerVersion()).isEqualTo("7.94");
		assertThat(scan.hosts()).hasSize(7);
		assertThat(scan.upHosts()).hasSize(6);
		assertThat(host(scan, "192.168.10.99").isUp()).isFalse();
		ScannedHost emr = host(scan, "192.168.10.10");
		assertThat(emr.mac()).map(HostAddress::address).contains("00:15:5D:0A:0B:0C");
		assertThat(emr.mac()).map(HostAddress::vendor).contains("Microsoft");
		assertThat(emr.hostname()).isEqualTo("EMR-SV01.clinic.local");
		assertThat(emr.os()).map(OsGuess::name).contains("Microsoft Windows Server 2016");
		assertThat(emr.os().orElseThrow().cpes()).containsExactly("cpe:/o:microsoft:windows_server_2016");
		ScannedPort sql = emr.openPorts().stream().filter(p -> p.port() == 1433).findFirst().orElseThrow();
		assertThat(sql.product()).isEqualTo("Microsoft SQL Server 2016");
		assertThat(sql.version()).isEqualTo("13.00.5026.00; SP2");
		assertThat(sql.cpes()).containsExactly("cpe:/a:microsoft:sql_server:2016");
		ScannedPort rdp = emr.openPorts().stream().filter(p -> p.port() == 3389).findFirst().orElseThrow();
		assertThat(rdp.scripts().get("ssl-enum-ciphers")).contains("TLSv1.0:");
		// the router's hostnames element is empty
		assertThat(host(scan, "192.168.10.1").hostnames()).isEmpty();
		assertThat(host(scan, "192.168.10.1").os()).map(OsGuess::name).contains("Yamaha RTX1210 router");
		assertThat(scan.services()).filteredOn(s -> s.port() == 5900)
			.singleElement()
			.satisfies(s -> assertThat(s.cpes()).containsExactly("cpe:/a:realvnc:realvnc:4.6"));
	}

	@Test
	void keepsTheHostsOfAScanStoppedPartWayAndSaysSo() {
		NmapScan scan = fixture("clinic-truncated.xml");
		assertThat(scan.truncated()).isTrue();
		assertThat(scan.hosts()).extracting(ScannedHost::address).containsExactly("192.168.10.1", "192.168.10.10");
		assertThat(openPorts(host(scan, "192.168.10.1"))).containsExactly(23, 80);
		// the host being written when nmap stopped: what was complete of it
		assertThat(openPorts(host(scan, "192.168.10.10"))).containsExactly(135);
		assertThat(scan.notes()).anySatisfy(n -> assertThat(n).contains("途中で終わっています").contains("2件"))
			.anySatisfy(n -> assertThat(n).contains("192.168.10.10").contains("途中まで"));
	}

	@Test
	void notesAScanWithoutItsClosingRecord() {
		NmapScan scan = text("""
				<?xml version="1.0"?>
				<nmaprun scanner="nmap" args="nmap 10.0.0.1" version="7.94">
				<host><status state="up"/><address addr="10.0.0.1" addrtype="ipv4"/></host>
				</nmaprun>
				""");
		assertThat(scan.truncated()).isTrue();
		assertThat(scan.hosts()).hasSize(1);
		assertThat(scan.notes()).anySatisfy(n -> assertThat(n).contains("runstats"));
	}

	@Test
	void skipsAndCountsHostsWithoutAnAddress() {
		NmapScan scan = text("""
				<nmaprun scanner="nmap" args="nmap 10.0.0.0/30" version="7.94">
				<host><status state="up"/></host>
				<host><status state="up"/><address addr="10.0.0.2" addrtype="ipv4"/>
				<ports><port protocol="tcp" portid="x"><state state="open"/></port>
				<port protocol="tcp" portid="22"><state state="open"/><service name="ssh"/></port></ports></host>
				<runstats><finished time="1" exit="success"/></runstats>
				</nmaprun>
				""");
		assertThat(scan.skipped()).isEqualTo(1);
		assertThat(scan.hosts()).singleElement().satisfies(h -> assertThat(openPorts(h)).containsExactly(22));
		assertThat(scan.notes()).anySatisfy(n -> assertThat(n).contains("1件を読み飛ばしました"));
	}

	@Test
	void refusesXmlThatIsNotAnNmapScan() {
		assertThatThrownBy(() -> text("<?xml version=\"1.0\"?><Events><Event/></Events>"))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("nmap の XML 出力（-oX）ではありません");
	}

	@Test
	void refusesAFileThatIsNotXml() {
		assertThatThrownBy(() -> text("Starting Nmap 7.94 ( https://nmap.org )\nNmap scan report for 10.0.0.1\n"))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("XML として読めません");
		assertThatThrownBy(() -> text("")).isInstanceOf(BadInputException.class);
	}

	@Test
	void neverReadsExternalEntities(@TempDir Path dir) throws IOException {
		Path secret = dir.resolve("secret.txt");
		Files.writeString(secret, "TOPSECRET-MARKER");
		String xml = """
				<?xml version="1.0"?>
				<!DOCTYPE nmaprun [<!ENTITY xxe SYSTEM "%s">]>
				<nmaprun scanner="nmap" args="nmap 10.0.0.1" version="7.94">
				<host><status state="up"/><address addr="10.0.0.1" addrtype="ipv4"/>
				<hostnames><hostname name="a&xxe;" type="PTR"/></hostnames></host>
				<runstats><finished time="1" exit="success"/></runstats>
				</nmaprun>
				""".formatted(secret.toUri());
		try {
			NmapScan scan = text(xml);
			assertThat(scan.hosts()).allSatisfy(h -> assertThat(h.hostnames()).noneMatch(n -> n.contains("TOPSECRET")));
			assertThat(scan.toString()).doesNotContain("TOPSECRET");
		}
		catch (BadInputException refused) {
			assertThat(refused.getMessage()).doesNotContain("TOPSECRET");
		}
	}

}
