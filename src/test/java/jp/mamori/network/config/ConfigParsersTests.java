package jp.mamori.network.config;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Vendor detection, the override, and hostile or broken input (never an exception). */
class ConfigParsersTests {

	final ConfigParsers parsers = ConfigParsers.standard();

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "rtx-clinic.txt, RTX", "fortigate-clinic.conf, FORTIGATE", "ios-branch.cfg, IOS",
			"asa-clinic.cfg, ASA", "iptables-server.rules, IPTABLES", "pfsense-config.xml, PFSENSE" })
	void detectsEachFixturesVendor(String fixture, Vendor vendor) {
		assertThat(Configs.fixture(fixture).vendor()).isEqualTo(vendor);
	}

	@Test
	void overrideWinsOverDetection() {
		DeviceConfig config = parsers.parse("x", "ip lan2 address dhcp\n".getBytes(StandardCharsets.UTF_8),
				Vendor.IPTABLES);
		assertThat(config.vendor()).isEqualTo(Vendor.IPTABLES);
		assertThat(config.skipped()).isEqualTo(1);
	}

	@Test
	void garbageIsUnknownWithAJapaneseNote() {
		byte[] garbage = new byte[4096];
		new java.util.Random(7).nextBytes(garbage);
		DeviceConfig config = parsers.parse("garbage.bin", garbage, null);
		assertThat(config.vendor()).isEqualTo(Vendor.UNKNOWN);
		assertThat(config.notes()).anyMatch(n -> n.contains("判別できませんでした"));
		assertThat(new RestrictionAnalysis().analyse(config)).isEmpty();
		assertThat(parsers.parse("empty", new byte[0], null).notes()).containsExactly("ファイルが空です。");
	}

	@Test
	void pfSenseWithAnExternalEntityIsRefused() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE pfsense [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<pfsense><system><hostname>&secret;</hostname></system></pfsense>
				""";
		DeviceConfig config = parsers.parse("xxe.xml", xxe.getBytes(StandardCharsets.UTF_8), Vendor.PFSENSE);
		assertThat(config.hostname()).isEmpty();
		assertThat(config.notes()).anyMatch(n -> n.contains("DOCTYPE") && n.contains("拒否"));
	}

	@ParameterizedTest(name = "{0} cut in half")
	@CsvSource({ "rtx-clinic.txt", "fortigate-clinic.conf", "ios-branch.cfg", "asa-clinic.cfg", "iptables-server.rules",
			"pfsense-config.xml" })
	void truncatedFilesAreReadAsFarAsTheyGo(String fixture) throws Exception {
		byte[] whole;
		try (var in = getClass().getResourceAsStream("/network/" + fixture)) {
			whole = in.readAllBytes();
		}
		for (int cut : new int[] { whole.length / 2, whole.length / 3, 17 }) {
			DeviceConfig config = parsers.parse(fixture, Arrays.copyOf(whole, cut), null);
			new RestrictionAnalysis().analyse(config);
			if (fixture.endsWith(".xml") && config.vendor() == Vendor.PFSENSE) {
				assertThat(config.notes()).anyMatch(n -> n.contains("XMLとして正しくない"));
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', textBlock = """
			RTX       ; ip filter|ip lan2 secure filter in|nat descriptor masquerade static 1|pp select|httpd host
			FORTIGATE ; config firewall policy|edit|set srcintf|append|next|next|end|end|end|unset
			IOS       ; interface|ip access-list extended|permit tcp any host|username|ip nat inside source static tcp
			ASA       ; access-list X extended permit tcp|access-group|http 1.2.3.4 |object network|nat (a
			IPTABLES  ; *filter|:INPUT|-A|-A INPUT -p tcp --dport|-A INPUT -j|COMMIT
			""")
	void incompleteLinesAreSkippedNotThrown(Vendor vendor, String lines) {
		DeviceConfig config = parsers.parse("bad", lines.replace("|", "\n").getBytes(StandardCharsets.UTF_8), vendor);
		assertThat(config.vendor()).isEqualTo(vendor);
		assertThat(config.notes()).noneMatch(n -> n.contains("最後まで読めませんでした"));
		new RestrictionAnalysis().analyse(config);
	}

}
