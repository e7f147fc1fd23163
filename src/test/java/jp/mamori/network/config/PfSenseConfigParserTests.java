package jp.mamori.network.config;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

import static jp.mamori.network.config.Configs.findings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * pfSense config.xml: WAN rules, disabled rules, port forwards, the factory admin hash.
 */
class PfSenseConfigParserTests {

	final DeviceConfig config = Configs.fixture("pfsense-config.xml");

	@Test
	void factoryHashIsThatOfPfsense() {
		assertThat(BCrypt.checkpw("pfsense", "$2b$10$13u6qwCOwODv34GyCMgdWub6oQF3RX0rG7c3d3X4JvzuEmAXLYDd2")).isTrue();
	}

	@Test
	void findsDefaultAdminAndTheWanRdpButNotTheDisabledAnyRule() {
		assertThat(config.vendor()).isEqualTo(Vendor.PFSENSE);
		assertThat(config.hostname()).isEqualTo("clinic-fw");
		assertThat(config.rules()).hasSize(3);
		assertThat(config.rules().get(1).enabled()).isFalse();
		assertThat(findings(config, FindingKind.ANY_SOURCE_ALLOWED)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("1590000001 (NAT RDP to reception PC)");
			assertThat(f.iface()).isEqualTo("wan");
		});
		assertThat(findings(config, FindingKind.PORT_FORWARD_EXPOSED)).singleElement()
			.satisfies(f -> assertThat(f.rule()).isEqualTo("RDP to reception PC"));
		assertThat(findings(config, FindingKind.DEFAULT_CREDENTIAL)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("admin");
			assertThat(f.summary()).contains("pfsense");
		});
	}

}
