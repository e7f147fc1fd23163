package jp.mamori.network.scan;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which open services count as risky, by name or by their usual port. */
class RiskyServicesTests {

	static ScannedPort port(String protocol, int number, String state, String service, String method) {
		return new ScannedPort(protocol, number, state, service.isEmpty() ? null : service, null, null, null, null,
				method.isEmpty() ? null : method, List.of(), Map.of());
	}

	@ParameterizedTest(name = "{0}/{1} {3} ({4}) → {5}")
	@CsvSource(textBlock = """
			tcp, 23,    open,     telnet,        probed, Telnet
			tcp, 2323,  open,     telnet,        probed, Telnet
			tcp, 3389,  open,     ms-wbt-server, probed, リモートデスクトップ（RDP）
			tcp, 3389,  open,     '',            '',     リモートデスクトップ（RDP）
			tcp, 5901,  open,     vnc,           table,  VNC（画面共有）
			tcp, 5800,  open,     vnc-http,      probed, VNC（画面共有）
			tcp, 445,   open,     microsoft-ds,  table,  ファイル共有（SMB）
			tcp, 139,   open,     netbios-ssn,   probed, ファイル共有（SMB）
			tcp, 21,    open,     ftp,           probed, FTP
			tcp, 1433,  open,     ms-sql-s,      probed, データベース（SQL Server）
			tcp, 1521,  open,     oracle-tns,    probed, データベース（Oracle）
			tcp, 3306,  open,     mysql,         probed, データベース（MySQL）
			tcp, 5432,  open,     postgresql,    probed, データベース（PostgreSQL）
			tcp, 27017, open,     mongodb,       probed, データベース（MongoDB）
			tcp, 8009,  open,     ajp13,         table,  AJP（Tomcat）
			tcp, 513,   open,     login,         table,  rsh／rlogin／rexec
			udp, 161,   open,     snmp,          probed, SNMP
			tcp, 3389,  open,     tcpwrapped,    probed, リモートデスクトップ（RDP）
			""")
	void flagsOpenRiskyServices(String protocol, int number, String state, String service, String method,
			String label) {
		assertThat(RiskyServices.of(port(protocol, number, state, service, method))).map(RiskyServices.Risk::label)
			.contains(label);
	}

	@ParameterizedTest(name = "{0}/{1} {2} {3} ({4}) is not risky")
	@CsvSource(textBlock = """
			tcp, 3389, open,     ssh,    probed
			tcp, 23,   closed,   telnet, table
			tcp, 23,   filtered, telnet, table
			tcp, 22,   open,     ssh,    probed
			udp, 514,  open,     syslog, table
			tcp, 80,   open,     http,   probed
			tcp, 161,  open,     '',     ''
			""")
	void leavesOtherServicesAlone(String protocol, int number, String state, String service, String method) {
		assertThat(RiskyServices.of(port(protocol, number, state, service, method))).isEmpty();
	}

	@Test
	void findsSslv3AndTls10InTheCipherScript() {
		ScannedPort https = new ScannedPort("tcp", 443, "open", "https", null, null, null, "ssl", "probed", List.of(),
				Map.of("ssl-enum-ciphers",
						"\n  SSLv3: \n    ciphers: \n      TLS_RSA_WITH_RC4_128_SHA - C\n  TLSv1.0: \n    ciphers: \n"
								+ "  TLSv1.2: \n    ciphers: \n  least strength: C"));
		assertThat(RiskyServices.oldProtocols(https)).containsExactly("SSLv3", "TLSv1.0");
	}

	@Test
	void findsNothingOldWhenOnlyTls12IsOffered() {
		ScannedPort https = new ScannedPort("tcp", 443, "open", "https", null, null, null, "ssl", "probed", List.of(),
				Map.of("ssl-enum-ciphers", "\n  TLSv1.2: \n    ciphers: \n  TLSv1.3: \n  least strength: A"));
		assertThat(RiskyServices.oldProtocols(https)).isEmpty();
	}

	@Test
	void readsTheSslv2ScriptVerdict() {
		ScannedPort https = new ScannedPort("tcp", 443, "open", "https", null, null, null, "ssl", "probed", List.of(),
				Map.of("sslv2", "\n  SSLv2 supported\n  ciphers: none"));
		assertThat(RiskyServices.oldProtocols(https)).containsExactly("SSLv2");
	}

}
