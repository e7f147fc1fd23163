package jp.mamori.network.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static jp.mamori.network.scan.ScanFixtures.device;
import static org.assertj.core.api.Assertions.assertThat;

/** MAC first, then IP, then host name (case-insensitive, without domain). */
class DeviceMatcherTests {

	static ScannedHost host(String ip, String mac, String... names) {
		List<HostAddress> addresses = new ArrayList<>();
		addresses.add(new HostAddress(ip, "ipv4", null));
		if (mac != null) {
			addresses.add(new HostAddress(mac, "mac", null));
		}
		return new ScannedHost("up", addresses, List.of(names), List.of(), List.of(), Map.of());
	}

	final LedgerDevice pacs = device("画像サーバ", "PACS-SV", "192.168.10.40", "AA-BB-CC-00-11-22", "active");

	final LedgerDevice lab = device("検査PC", "LAB-PC1", "192.168.10.41", null, "active");

	final LedgerDevice reception = device("受付PC1", "Recept-PC1.clinic.local", "192.168.10.121", null, "active");

	final DeviceMatcher matcher = new DeviceMatcher(List.of(pacs, lab, reception));

	@Test
	void macWinsOverAnIpAddressThatBelongsToAnotherDevice() {
		assertThat(matcher.match(host("192.168.10.41", "aa:bb:cc:00:11:22")))
			.contains(new DeviceMatcher.Match(pacs, DeviceMatcher.BY_MAC));
	}

	@Test
	void ipDecidesWhenTheMacIsUnknown() {
		assertThat(matcher.match(host("192.168.10.41", "00:00:5E:00:53:01", "PACS-SV")))
			.contains(new DeviceMatcher.Match(lab, DeviceMatcher.BY_IP));
	}

	@Test
	void hostNameDecidesLastIgnoringCaseAndDomain() {
		assertThat(matcher.match(host("192.168.10.21", null, "RECEPT-PC1.other.example")))
			.contains(new DeviceMatcher.Match(reception, DeviceMatcher.BY_HOSTNAME));
	}

	@Test
	void readsMacAddressesWrittenWithAnySeparator() {
		DeviceMatcher dotted = new DeviceMatcher(List.of(device("NAS", null, null, "0011.3277.8899", "active")));
		assertThat(dotted.match(host("10.0.0.9", "00:11:32:77:88:99"))).isPresent();
	}

	@Test
	void findsNothingForAStranger() {
		assertThat(matcher.match(host("192.168.10.50", "F4:8E:38:12:34:56", "DESKTOP-7Q2K9ZP"))).isEmpty();
	}

	@Test
	void neverMatchesByLocalhost() {
		DeviceMatcher local = new DeviceMatcher(List.of(device("開発PC", "localhost", null, null, "active")));
		assertThat(local.match(host("127.0.0.1", null, "localhost"))).isEmpty();
	}

	@Test
	void namesLedgerRowsThatShareAnAddress() {
		DeviceMatcher twice = new DeviceMatcher(List.of(device("A", null, "10.0.0.1", null, "active"),
				device("B", null, "10.0.0.001", null, "active")));
		assertThat(twice.match(host("10.0.0.1", null))).map(m -> m.device().name()).contains("A");
		assertThat(twice.notes()).singleElement().satisfies(n -> assertThat(n).contains("「A」と「B」"));
	}

}
