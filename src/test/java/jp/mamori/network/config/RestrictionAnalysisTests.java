package jp.mamori.network.config;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static jp.mamori.network.config.Configs.findings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each finding as a parameter table: the RTX lines after a WAN on lan2 with an inbound
 * list, and whether the finding fires. Shadowed and disabled rules never fire.
 */
class RestrictionAnalysisTests {

	static final String BASE = """
			login password encrypted x
			administrator password encrypted y
			ip lan1 address 192.168.100.1/24
			ip lan2 address dhcp
			ip lan2 nat descriptor 1
			""";

	static DeviceConfig rtx(String lines) {
		return Configs.text(Vendor.RTX, BASE + lines.replace("|", "\n"));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = ';',
			textBlock = """
					ip lan2 secure filter in 1|ip filter 1 pass * * * * *                                  ; true
					ip lan2 secure filter in 1|ip filter 1 pass * 192.168.100.10 tcp * 3389                ; true
					ip lan2 secure filter in 1|ip filter 1 pass 198.51.100.10 192.168.100.10 tcp * 3389    ; false
					ip lan2 secure filter in 1 2|ip filter 1 reject * * * * *|ip filter 2 pass * * tcp * 3389 ; false
					ip lan2 secure filter in 1 2|ip filter 1 reject * * tcp * 22|ip filter 2 pass * * tcp * 3389 ; true
					ip lan2 secure filter in 1 2|ip filter 1 reject * * tcp 135 *|ip filter 2 pass * * tcp * 3389 ; true
					ip lan2 secure filter in 1 2|ip filter 1 pass * * tcp * 3389|ip filter 2 reject * * * * * ; true
					ip lan2 secure filter in 1|ip filter 1 pass * * established * *                        ; false
					ip lan2 secure filter in 1|ip filter 1 pass * * icmp * *                               ; false
					ip lan2 secure filter in 1|ip filter 1 pass * * tcp domain *                           ; false
					ip lan2 secure filter out 1|ip filter 1 pass * * * * *                                 ; false
					ip lan2 secure filter in 2|ip filter 1 pass * * * * *|ip filter 2 reject * * * * *     ; false
					ip lan1 secure filter in 1|ip lan2 secure filter in 2|ip filter 1 pass * * * * *|ip filter 2 reject * * * * * ; false
					""")
	void anySourceAllowed(String lines, boolean fires) {
		assertThat(findings(rtx(lines), FindingKind.ANY_SOURCE_ALLOWED)).hasSize(fires ? 1 : 0);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = ';', textBlock = """
			ip lan2 secure filter in 1|ip filter 1 reject * * * * *                      ; false
			ip lan1 secure filter in 1|ip filter 1 reject * * * * *                      ; true
			ip lan2 secure filter out 1|ip filter 1 reject * * * * *                     ; true
			''                                                                            ; true
			""")
	void noInboundFilter(String lines, boolean fires) {
		assertThat(findings(rtx(lines), FindingKind.NO_INBOUND_FILTER)).hasSize(fires ? 1 : 0);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = ';',
			textBlock = """
					nat descriptor masquerade static 1 1 192.168.100.10 tcp 3389                                     ; true
					nat descriptor masquerade static 1 1 192.168.100.10 tcp 13389=3389                               ; false
					nat descriptor masquerade static 1 1 192.168.100.10 tcp 445                                      ; true
					nat descriptor masquerade static 1 1 192.168.100.10 tcp 5900                                     ; true
					nat descriptor masquerade static 1 1 192.168.100.10 tcp 1433                                     ; true
					nat descriptor masquerade static 1 1 192.168.100.10 tcp www                                      ; false
					nat descriptor masquerade static 1 1 192.168.100.10 tcp 3389|ip lan2 secure filter in 1|ip filter 1 reject * * * * * ; false
					nat descriptor masquerade static 1 1 192.168.100.10 tcp 3389|ip lan2 secure filter in 1|ip filter 1 pass 198.51.100.10 * tcp * 3389 ; false
					nat descriptor masquerade static 1 1 192.168.100.10 tcp 3389|ip lan2 secure filter in 1|ip filter 1 pass * * tcp * 3389 ; true
					nat descriptor static 1 1 203.0.113.5=192.168.100.10 1                                           ; true
					""")
	void portForwardExposed(String lines, boolean fires) {
		assertThat(findings(rtx(lines), FindingKind.PORT_FORWARD_EXPOSED)).hasSize(fires ? 1 : 0);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = ';', textBlock = """
			httpd host any             ; true
			httpd host lan1            ; false
			httpd host lan2            ; true
			httpd host lan             ; true
			httpd host 192.168.100.5   ; false
			httpd host none            ; false
			sshd service on            ; true
			sshd service on|sshd host lan1 ; false
			sshd service off           ; false
			tftp host any              ; true
			telnetd host any           ; true
			snmp host any              ; true
			""")
	void managementOpen(String lines, boolean fires) {
		assertThat(findings(rtx(lines), FindingKind.MANAGEMENT_OPEN)).hasSize(fires ? 1 : 0);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = ';', textBlock = """
			telnetd host lan1                   ; true
			telnetd host lan1|telnetd service off ; false
			sshd service on                     ; false
			""")
	void telnetEnabled(String lines, boolean fires) {
		assertThat(findings(rtx(lines), FindingKind.TELNET_ENABLED)).hasSize(fires ? 1 : 0);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = ';', textBlock = """
			set source-interface "wan1"                                     ; true ; true
			set source-interface "wan1"|set source-address "all"            ; true ; true
			set source-interface "wan1"|set source-address "vendor-office"  ; false ; true
			set servercert "Fortinet_Factory"                               ; false ; false
			""")
	void fortiGateVpn(String settings, boolean noSource, boolean no2fa) {
		String text = "config vpn ssl settings\n" + settings.replace("|", "\n") + "\nend\n" + """
				config user local
				    edit "vendor"
				        set type password
				    next
				    edit "doctor"
				        set two-factor fortitoken
				    next
				end
				""";
		DeviceConfig config = ConfigParsers.standard().parse("fg", text.getBytes(StandardCharsets.UTF_8), null);
		assertThat(findings(config, FindingKind.VPN_NO_SOURCE_RESTRICTION)).hasSize(noSource ? 1 : 0);
		assertThat(findings(config, FindingKind.VPN_NO_2FA)).extracting(ConfigFinding::rule)
			.isEqualTo(no2fa ? List.of("vendor") : List.of());
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = ';', textBlock = """
			<password>$1$dSJImFph$GvZ7.1UbuWu.Yb8etC0re.</password>                                    ; true
			<bcrypt-hash>$2y$10$13u6qwCOwODv34GyCMgdWub6oQF3RX0rG7c3d3X4JvzuEmAXLYDd2</bcrypt-hash>   ; true
			<bcrypt-hash>$2y$10$4rr1xlsORHvXK7c/AK/UEOnKNtUZjIdFK8eLs0bzZCvFNW81AWRbq</bcrypt-hash>   ; false
			<disabled/><bcrypt-hash>$2y$10$13u6qwCOwODv34GyCMgdWub6oQF3RX0rG7c3d3X4JvzuEmAXLYDd2</bcrypt-hash> ; false
			""")
	void pfSenseDefaultCredential(String secret, boolean fires) {
		DeviceConfig config = Configs.text(Vendor.PFSENSE,
				"<pfsense><system><user><name>admin</name>" + secret + "</user></system></pfsense>");
		assertThat(findings(config, FindingKind.DEFAULT_CREDENTIAL)).hasSize(fires ? 1 : 0);
	}

}
