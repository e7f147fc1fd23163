package jp.mamori.network.config;

import java.util.List;

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

}
