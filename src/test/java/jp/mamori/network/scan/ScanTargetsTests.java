package jp.mamori.network.scan;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scan covered, read from nmap's command line (offline: names are never resolved)
 * and from the hosts the file lists.
 */
class ScanTargetsTests {

	static ScanTargets targets(String args, ScannedHost... hosts) {
		return ScanTargets
			.of(new NmapScan("scan.xml", "7.94", args, null, List.of("tcp"), List.of(hosts), false, 0, List.of()));
	}

	static ScannedHost host(String state, String address, String... names) {
		return new ScannedHost(state, List.of(new HostAddress(address, "ipv4", null)), List.of(names), List.of(),
				List.of(), java.util.Map.of());
	}

	@ParameterizedTest(name = "{0} covers {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			nmap -sV 192.168.10.0/24                                  | 192.168.10.77  | true
			nmap -sV 192.168.10.0/24                                  | 192.168.11.1   | false
			nmap -sn 192.168.10.1-100                                 | 192.168.10.100 | true
			nmap -sn 192.168.10.1-100                                 | 192.168.10.101 | false
			nmap -sn 192.168.0-3.*                                    | 192.168.3.200  | true
			nmap -sn 192.168.0-3.*                                    | 192.168.4.1    | false
			nmap -sn 10.0.0,2.1                                       | 10.0.2.1       | true
			nmap -sn 10.0.0,2.1                                       | 10.0.1.1       | false
			nmap -sn 10.0.0.-10                                       | 10.0.0.0       | true
			nmap -p 22,80 -T4 10.0.0.5                                | 10.0.0.5       | true
			nmap -p 22 10.0.0.5                                       | 0.0.0.22       | false
			nmap -oX out.xml --exclude 192.168.10.250 192.168.10.0/24 | 192.168.10.250 | false
			nmap -oX out.xml --exclude=192.168.10.1,192.168.10.2 192.168.10.0/24 | 192.168.10.2 | false
			nmap -oX out.xml --exclude=192.168.10.1,192.168.10.2 192.168.10.0/24 | 192.168.10.3 | true
			C:\\Nmap\\nmap.exe -sS 172.16.0.0/16                      | 172.16.200.9   | true
			/usr/bin/nmap --top-ports 100 --script ssl-enum-ciphers 172.16.1.1 | 172.16.1.1 | true
			nmap -6 2001:db8::/64                                     | 2001:db8::1    | true
			nmap -6 2001:db8::/64                                     | 2001:db9::1    | false
			nmap -sn 192.168.010.0/24                                 | 192.168.10.5   | true
			""")
	void readsNmapTargetSyntax(String args, String address, boolean covered) {
		assertThat(targets(args.strip()).covers(address)).isEqualTo(covered);
	}

	@Test
	void countsEveryHostTheFileListsEvenWhenTheTargetsComeFromAListFile() {
		ScanTargets targets = targets("nmap -sn -iL clinic-hosts.txt", host("down", "192.168.10.99"),
				host("up", "192.168.10.1"));
		assertThat(targets.covers("192.168.10.99")).isTrue();
		assertThat(targets.covers("192.168.10.1")).isTrue();
		assertThat(targets.covers("192.168.10.2")).isFalse();
		assertThat(targets.targets()).isEmpty();
		assertThat(targets.notes()).singleElement().satisfies(n -> assertThat(n).contains("-iL"));
	}

	@Test
	void coversNamesGivenOnTheCommandLineWithoutResolvingThem() {
		ScanTargets targets = targets("nmap -sS -vv -oX 2_hosts_version.xml -O localhost scanme.nmap.org",
				host("up", "74.207.244.221", "scanme.nmap.org"));
		assertThat(targets.targets()).containsExactly("localhost", "scanme.nmap.org");
		assertThat(targets.coversName("SCANME")).isTrue();
		assertThat(targets.coversName("emr-sv01")).isFalse();
		assertThat(targets.covers("74.207.244.221")).isTrue();
	}

	@Test
	void takesTheNetworkAroundANamedHostFromTheAddressTheFileShows() {
		ScanTargets targets = targets("nmap -sn gw.clinic.local/24", host("up", "192.168.10.1", "gw.clinic.local"));
		assertThat(targets.covers("192.168.10.200")).isTrue();
		assertThat(targets.covers("192.168.11.1")).isFalse();
	}

	@Test
	void notesTargetsItCannotRead() {
		ScanTargets targets = targets("nmap 192.168.10.300");
		assertThat(targets.covers("192.168.10.3")).isFalse();
		assertThat(targets.notes()).singleElement().satisfies(n -> assertThat(n).contains("192.168.10.300"));
	}

	@Test
	void fallsBackToTheListedHostsWithoutACommandLine() {
		ScanTargets targets = targets(null, host("up", "10.1.1.1"));
		assertThat(targets.covers("10.1.1.1")).isTrue();
		assertThat(targets.covers("10.1.1.2")).isFalse();
		assertThat(targets.notes()).hasSize(1);
	}

}
