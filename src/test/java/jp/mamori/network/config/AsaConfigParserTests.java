package jp.mamori.network.config;

import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;

import static jp.mamori.network.config.Configs.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** Cisco ASA: nameif and security levels, object NAT, ACLs bound by access-group. */
class AsaConfigParserTests {

	final DeviceConfig config = Configs.fixture("asa-clinic.cfg");

	@Test
	void readsNameifsObjectsAndTheBoundAcl() {
		assertThat(config.vendor()).isEqualTo(Vendor.ASA);
		assertThat(config.iface("outside").orElseThrow().role()).isEqualTo(InterfaceRole.OUTSIDE);
		assertThat(config.iface("inside").orElseThrow().role()).isEqualTo(InterfaceRole.INSIDE);
		assertThat(config.rules()).hasSize(4);
		assertThat(config.rules().get(2).enabled()).as("inactive").isFalse();
	}

	@Test
	void findsTheAnywhereGroupRdpAndAsdmOnTheOutside() {
		assertThat(findings(config, FindingKind.ANY_SOURCE_ALLOWED)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("OUTSIDE-IN #1");
			assertThat(f.iface()).isEqualTo("outside");
			assertThat(f.service()).contains("3389");
		});
		assertThat(findings(config, FindingKind.PORT_FORWARD_EXPOSED)).singleElement()
			.satisfies(f -> assertThat(f.rule()).isEqualTo("EMR-SERVER"));
		assertThat(findings(config, FindingKind.MANAGEMENT_OPEN)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("https");
			assertThat(f.line()).isEqualTo(35);
			assertThat(f.fix()).isEqualTo("http 192.0.2.0 255.255.255.0 inside");
		});
		assertThat(findings(config, FindingKind.TELNET_ENABLED)).singleElement()
			.satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
		assertThat(findings(config, FindingKind.NO_INBOUND_FILTER)).isEmpty();
	}

}
