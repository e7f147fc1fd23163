package jp.mamori.network.config;

import org.junit.jupiter.api.Test;

import static jp.mamori.network.config.Configs.findings;
import static org.assertj.core.api.Assertions.assertThat;

/** Linux iptables-save: chains in order, policies, DNAT and the outside interface. */
class IptablesConfigParserTests {

	final DeviceConfig config = Configs.fixture("iptables-server.rules");

	@Test
	void outsideIsWhereNatAndForwardsPoint() {
		assertThat(config.vendor()).isEqualTo(Vendor.IPTABLES);
		assertThat(config.iface("eth0").orElseThrow().role()).isEqualTo(InterfaceRole.OUTSIDE);
		assertThat(config.iface("lo").orElseThrow().role()).isEqualTo(InterfaceRole.INSIDE);
		assertThat(config.rules()).hasSize(10);
	}

	@Test
	void findsRdpFromAnywhereAndItsForwardButNotTheShadowedSmb() {
		assertThat(findings(config, FindingKind.ANY_SOURCE_ALLOWED)).extracting(ConfigFinding::line)
			.containsExactly(19, 24);
		assertThat(findings(config, FindingKind.ANY_SOURCE_ALLOWED).get(0).fix())
			.isEqualTo("-A INPUT -s 198.51.100.10/32 -p tcp -m tcp --dport 3389 -j ACCEPT");
		assertThat(findings(config, FindingKind.PORT_FORWARD_EXPOSED)).singleElement().satisfies(f -> {
			assertThat(f.line()).isEqualTo(7);
			assertThat(f.fix()).startsWith("-D PREROUTING");
		});
		assertThat(findings(config, FindingKind.NO_INBOUND_FILTER)).isEmpty();
	}

	@Test
	void acceptPolicyWithoutAnyDropIsAnOpenHost() {
		DeviceConfig open = Configs.text(null, """
				*filter
				:INPUT ACCEPT [0:0]
				:FORWARD ACCEPT [0:0]
				:OUTPUT ACCEPT [0:0]
				-A INPUT -i lo -j ACCEPT
				COMMIT
				""");
		assertThat(open.vendor()).isEqualTo(Vendor.IPTABLES);
		assertThat(findings(open, FindingKind.ANY_SOURCE_ALLOWED)).singleElement()
			.satisfies(f -> assertThat(f.rule()).isEqualTo("INPUT policy"));
	}

}
