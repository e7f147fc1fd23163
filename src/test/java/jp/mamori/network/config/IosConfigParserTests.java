package jp.mamori.network.config;

import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;

import static jp.mamori.network.config.Configs.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** Cisco IOS: ACLs count as packet filters only where an interface applies them. */
class IosConfigParserTests {

	final DeviceConfig config = Configs.fixture("ios-branch.cfg");

	@Test
	void readsInterfacesAndTheAppliedAclOnly() {
		assertThat(config.vendor()).isEqualTo(Vendor.IOS);
		assertThat(config.hostname()).isEqualTo("CLINIC-RTR");
		assertThat(config.iface("GigabitEthernet0/0").orElseThrow().role()).isEqualTo(InterfaceRole.OUTSIDE);
		assertThat(config.iface("GigabitEthernet0/1").orElseThrow().role()).isEqualTo(InterfaceRole.INSIDE);
		// INBOUND is applied; 1 (NAT), 10 (vty/SNMP) and 20 (distribute-list) are not
		// packet filters
		assertThat(config.rules()).extracting(FilterRule::id).allMatch(id -> id.startsWith("INBOUND"));
		assertThat(config.rules()).hasSize(5);
		assertThat(config.notes()).anyMatch(n -> n.contains("20") && n.contains("パケットフィルタではありません"));
	}

	@Test
	void findsRdpTelnetHttpSnmpAndTheUnfilteredBackupLine() {
		assertThat(findings(config, FindingKind.ANY_SOURCE_ALLOWED)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("INBOUND #1");
			assertThat(f.line()).isEqualTo(38);
			assertThat(f.fix()).isEqualTo("10 permit tcp host 198.51.100.10 host 192.168.10.50 eq 3389");
		});
		assertThat(findings(config, FindingKind.NO_INBOUND_FILTER)).extracting(ConfigFinding::iface)
			.containsExactly("GigabitEthernet0/2");
		assertThat(findings(config, FindingKind.PORT_FORWARD_EXPOSED)).singleElement()
			.satisfies(f -> assertThat(f.iface()).isEqualTo("GigabitEthernet0/0"));
		assertThat(findings(config, FindingKind.MANAGEMENT_OPEN)).extracting(ConfigFinding::rule)
			.containsExactlyInAnyOrder("http", "snmp", "telnet");
		assertThat(findings(config, FindingKind.TELNET_ENABLED)).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.HIGH);
			assertThat(f.fix()).contains("transport input ssh");
		});
		assertThat(findings(config, FindingKind.DEFAULT_CREDENTIAL)).extracting(ConfigFinding::rule)
			.containsExactly("admin");
	}

}
