package jp.mamori.network.config;

import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;

import static jp.mamori.network.config.Configs.findings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** FortiGate configurations: the Batfish policy sample and our clinic FortiGate. */
class FortiGateConfigParserTests {

	@Test
	void batfishSampleHasExactlyTheTwoAnyAnyPolicies() {
		DeviceConfig config = Configs.sample("batfish_fortios_firewall_policy.conf");
		assertThat(config.vendor()).isEqualTo(Vendor.FORTIGATE);
		// file order, not id order
		assertThat(config.rules()).extracting(FilterRule::id).containsExactly("0", "4294967294", "1", "2", "3");
		assertThat(config.rules().get(0).enabled()).isFalse();
		assertThat(config.rules().get(1).action()).isEqualTo(Action.DENY);
		FilterRule appended = config.rules().get(2);
		assertThat(appended.interfaces()).containsExactly("port1", "port2");
		assertThat(appended.egress()).containsExactly("port2", "port1");
		assertThat(appended.sources()).containsExactly("addr1", "addr2");
		assertThat(appended.destinations()).containsExactly("addr2", "addr1");
		assertThat(appended.services()).containsExactly(Service.tcp(11), Service.tcp(12));
		FilterRule zones = config.rules().get(4);
		assertThat(zones.interfaces()).containsExactly("zone1", "port2", "zone3", "zone2");
		assertThat(zones.egress()).containsExactly("zone1", "zone3");
		assertThat(findings(config, FindingKind.ANY_SOURCE_ALLOWED))
			.extracting(ConfigFinding::rule, ConfigFinding::service, ConfigFinding::severity)
			.containsExactly(tuple("2", "any", Severity.HIGH), tuple("3", "any", Severity.HIGH));
		assertThat(findings(config)).extracting(ConfigFinding::kind).containsOnly(FindingKind.ANY_SOURCE_ALLOWED);
	}

	@Test
	void clinicFortiGateShowsRdpVpnAndManagementOnTheWan() {
		DeviceConfig config = Configs.fixture("fortigate-clinic.conf");
		assertThat(config.hostname()).isEqualTo("CLINIC-FG60F");
		assertThat(config.iface("wan1").orElseThrow().role()).isEqualTo(InterfaceRole.OUTSIDE);
		assertThat(config.iface("internal").orElseThrow().role()).isEqualTo(InterfaceRole.INSIDE);
		// policy 2 through the group containing "all"; 3 is disabled, 4 is restricted and
		// 6
		// comes after the deny of everything on wan1
		assertThat(findings(config, FindingKind.ANY_SOURCE_ALLOWED)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("2 (RDP-from-anywhere)");
			assertThat(f.service()).isEqualTo("tcp/3389 (リモートデスクトップ (RDP))");
			assertThat(f.iface()).isEqualTo("wan1");
			assertThat(f.fix()).contains("edit 2").contains("set srcaddr");
		});
		assertThat(findings(config, FindingKind.PORT_FORWARD_EXPOSED)).singleElement()
			.satisfies(f -> assertThat(f.rule()).isEqualTo("VIP-RDP-EMR"));
		assertThat(findings(config, FindingKind.MANAGEMENT_OPEN)).extracting(ConfigFinding::rule)
			.containsExactlyInAnyOrder("https", "ssh");
		assertThat(findings(config, FindingKind.VPN_NO_SOURCE_RESTRICTION)).singleElement()
			.satisfies(f -> assertThat(f.fix()).contains("set source-address"));
		assertThat(findings(config, FindingKind.VPN_NO_2FA)).extracting(ConfigFinding::rule)
			.containsExactly("vendor-maint");
		assertThat(findings(config, FindingKind.DEFAULT_CREDENTIAL)).isEmpty();
		assertThat(findings(config, FindingKind.NO_INBOUND_FILTER)).isEmpty();
	}

	@Test
	void sslVpnWithSourceAddressAndAdminWithoutPassword() {
		DeviceConfig config = Configs.text(Vendor.FORTIGATE, """
				config system admin
				    edit "admin"
				        set accprofile "super_admin"
				    next
				end
				config vpn ssl settings
				    set source-interface "wan1"
				    set source-address "vendor-office"
				end
				""");
		assertThat(findings(config, FindingKind.VPN_NO_SOURCE_RESTRICTION)).isEmpty();
		assertThat(findings(config, FindingKind.DEFAULT_CREDENTIAL)).singleElement()
			.satisfies(f -> assertThat(f.line()).isEqualTo(2));
	}

}
