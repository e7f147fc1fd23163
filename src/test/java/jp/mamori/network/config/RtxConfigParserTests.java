package jp.mamori.network.config;

import java.util.List;

import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;

import static jp.mamori.network.config.Configs.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** YAMAHA RTX {@code show config}: the shared RTX1100 sample and our clinic template. */
class RtxConfigParserTests {

	@Test
	void rtx1100SampleHasNoFilterAndOpenManagement() {
		DeviceConfig config = Configs.sample("rtx1100_config_redacted.txt");
		assertThat(config.vendor()).isEqualTo(Vendor.RTX);
		assertThat(config.rules()).isEmpty();
		assertThat(config.iface("lan2")).get().satisfies(lan2 -> {
			assertThat(lan2.role()).isEqualTo(InterfaceRole.OUTSIDE);
			assertThat(lan2.inboundFiltered()).isFalse();
		});
		assertThat(config.iface("lan1.1").orElseThrow().role()).isEqualTo(InterfaceRole.INSIDE);
		assertThat(findings(config, FindingKind.NO_INBOUND_FILTER)).singleElement().satisfies(f -> {
			assertThat(f.iface()).isEqualTo("lan2");
			assertThat(f.line()).isEqualTo(13);
			assertThat(f.fix()).contains("ip lan2 secure filter in");
		});
		assertThat(findings(config, FindingKind.PORT_FORWARD_EXPOSED)).extracting(ConfigFinding::service)
			.containsExactly("tcp/22 (SSH)", "tcp/69 (TFTP)");
		assertThat(findings(config, FindingKind.PORT_FORWARD_EXPOSED))
			.allSatisfy(f -> assertThat(f.iface()).isEqualTo("lan2"));
		assertThat(findings(config, FindingKind.MANAGEMENT_OPEN)).extracting(ConfigFinding::rule, ConfigFinding::line)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("http", 32),
					org.assertj.core.groups.Tuple.tuple("tftp", 23), org.assertj.core.groups.Tuple.tuple("ssh", 33));
		// the passwords are set (encrypted): no default credential
		assertThat(findings(config, FindingKind.DEFAULT_CREDENTIAL)).isEmpty();
		assertThat(findings(config, FindingKind.ANY_SOURCE_ALLOWED)).isEmpty();
	}

	@Test
	void clinicTemplateInShiftJisIsReadInOrder() {
		DeviceConfig config = Configs.fixture("rtx-clinic.txt");
		assertThat(config.vendor()).isEqualTo(Vendor.RTX);
		assertThat(config.iface("pp1")).get().satisfies(pp -> {
			assertThat(pp.role()).isEqualTo(InterfaceRole.OUTSIDE);
			assertThat(pp.inboundFiltered()).isTrue();
		});
		assertThat(config.iface("lan1").orElseThrow().role()).isEqualTo(InterfaceRole.INSIDE);
		// the PPPoE carrier lan2 is no IP interface: nothing to report about it
		assertThat(config.iface("lan2")).isEmpty();
		List<FilterRule> inbound = config.rules()
			.stream()
			.filter(r -> r.interfaces().contains("pp1") && r.inbound())
			.toList();
		assertThat(inbound).extracting(FilterRule::id)
			.containsExactly("200003", "200020", "200021", "200022", "200023", "200024", "200025", "200030", "200032",
					"200099", "200100");
		assertThat(inbound.get(8).action()).isEqualTo(Action.REPLY);
		assertThat(findings(config, FindingKind.ANY_SOURCE_ALLOWED))
			.extracting(ConfigFinding::rule, ConfigFinding::service, ConfigFinding::iface)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("200099", "any", "pp1"),
					org.assertj.core.groups.Tuple.tuple("200100", "tcp/3389 (リモートデスクトップ (RDP))", "pp1"));
		assertThat(findings(config, FindingKind.ANY_SOURCE_ALLOWED).get(1).fix())
			.isEqualTo("ip filter 200100 pass 198.51.100.10 192.168.100.10 tcp * 3389");
		assertThat(findings(config, FindingKind.PORT_FORWARD_EXPOSED)).singleElement().satisfies(f -> {
			assertThat(f.service()).isEqualTo("tcp/3389 (リモートデスクトップ (RDP))");
			assertThat(f.iface()).isEqualTo("pp1");
			assertThat(f.fix()).startsWith("no nat descriptor masquerade static 1000 1");
		});
		// management only from the LAN or one host; Telnet still on
		assertThat(findings(config, FindingKind.MANAGEMENT_OPEN)).isEmpty();
		assertThat(findings(config, FindingKind.TELNET_ENABLED)).singleElement()
			.satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
		assertThat(findings(config, FindingKind.NO_INBOUND_FILTER)).isEmpty();
		assertThat(findings(config, FindingKind.DEFAULT_CREDENTIAL)).isEmpty();
	}

	@Test
	void missingPasswordsAreDefaultCredentials() {
		DeviceConfig config = Configs.text(Vendor.RTX, """
				ip lan1 address 192.168.100.1/24
				ip lan2 address dhcp
				""");
		assertThat(findings(config, FindingKind.DEFAULT_CREDENTIAL)).extracting(ConfigFinding::rule)
			.containsExactlyInAnyOrder("(login)", "(administrator)");
	}

	@Test
	void l2tpRemoteAccessWithoutSourceOrSecondFactor() {
		DeviceConfig config = Configs.text(Vendor.RTX, """
				login password encrypted x
				administrator password encrypted y
				ip lan2 address dhcp
				ip lan2 secure filter in 1
				ip filter 1 pass * * udp * 500
				pp select anonymous
				 pp auth username vendor1 secret123
				 pp bind tunnel1
				pp select none
				tunnel select 1
				 tunnel encapsulation l2tp
				 ipsec ike remote address 1 any
				tunnel select none
				l2tp service on
				""");
		assertThat(findings(config, FindingKind.VPN_NO_SOURCE_RESTRICTION)).singleElement()
			.satisfies(f -> assertThat(f.fix()).isEqualTo("ipsec ike remote address 1 198.51.100.10"));
		assertThat(findings(config, FindingKind.VPN_NO_2FA)).extracting(ConfigFinding::rule).containsExactly("vendor1");
	}

}
