package jp.mamori.accesslog.parser;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RtxParserTests {

	private final RtxParser parser = new RtxParser();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null",
			textBlock = """
					Jun 15 09:00:00 192.168.100.1 PP[01] Rejected at IN(1100) filter: TCP 203.0.113.5:51234 > 192.168.0.1:22 | TRAFFIC_DENIED | OTHER | null | 203.0.113.5 | 192.168.0.1:22
					Jun 15 09:00:00 192.168.100.1 PP[01] Rejected at OUT(1200) filter: UDP 192.168.0.50:137 > 203.0.113.6:137 | TRAFFIC_DENIED | OTHER | null | 192.168.0.50 | 203.0.113.6:137
					Jun 15 09:00:00 192.168.100.1 TUNNEL[1] Passed at IN(200099) filter: UDP 198.51.100.3:500 > 192.168.0.1:500 | TRAFFIC_ALLOWED | OTHER | null | 198.51.100.3 | 192.168.0.1:500
					Jun 15 09:00:00 192.168.100.1 LAN1(port1) Rejected at IN(1) filter: 00:a0:de:00:00:01 > 00:a0:de:00:00:02 IP | TRAFFIC_DENIED | OTHER | null | null | null
					Jun 15 09:00:00 192.168.100.1 [INSPECT] PP[01][out][101] TCP 192.168.0.20:49152 > 93.184.216.34:443 (2025/06/15 09:00:00) | TRAFFIC_ALLOWED | OTHER | null | 192.168.0.20 | 93.184.216.34:443
					Jun 15 09:00:00 192.168.100.1 [INSPECT] LAN2[out][31] TCP 2001:db8::5.56609 > 2001:db8:1::10.443 (2025/06/15 09:00:00) | TRAFFIC_ALLOWED | OTHER | null | 2001:db8::5 | [2001:db8:1::10]:443
					Jun 15 09:00:00 192.168.100.1 Login succeeded for TELNET: 192.168.0.10 | AUTH_SUCCESS | DEVICE_ADMIN | null | 192.168.0.10 | null
					Jun 15 09:00:00 192.168.100.1 Login succeeded for HTTP: 192.168.182.200 admin | AUTH_SUCCESS | DEVICE_ADMIN | admin | 192.168.182.200 | null
					Jun 15 09:00:00 192.168.100.1 Login succeeded as (netadmin) for SSH: 192.168.0.201 | AUTH_SUCCESS | DEVICE_ADMIN | netadmin | 192.168.0.201 | null
					Jun 15 09:00:00 192.168.100.1 Login failed for TELNET: 203.0.113.44 | AUTH_FAILURE | DEVICE_ADMIN | null | 203.0.113.44 | null
					Jun 15 09:00:00 192.168.100.1 'operator' succeeded for HTTP: 192.168.0.11 | AUTH_SUCCESS | DEVICE_ADMIN | operator | 192.168.0.11 | null
					Jun 15 09:00:00 192.168.100.1 'administrator' succeeded for HTTP: 192.168.182.200 admin | PRIVILEGE_USE | DEVICE_ADMIN | admin | 192.168.182.200 | null
					Jun 15 09:00:00 192.168.100.1 'administrator' failed for TELNET: 203.0.113.45 | AUTH_FAILURE | DEVICE_ADMIN | null | 203.0.113.45 | null
					Jun 15 09:00:00 192.168.100.1 Logout from TELNET: 192.168.0.10 | SESSION_END | DEVICE_ADMIN | null | 192.168.0.10 | null
					Jun 15 09:00:00 192.168.100.1 [L2TP] TUNNEL[2] connected from 198.51.100.70 | AUTH_SUCCESS | VPN | null | 198.51.100.70 | null
					Jun 15 09:00:00 192.168.100.1 [L2TP] TUNNEL[2] disconnected from 198.51.100.70 | SESSION_END | VPN | null | 198.51.100.70 | null
					Jun 15 09:00:00 192.168.100.1 PP[ANONYMOUS01] PPP/IPCP up  (Local: 192.168.0.1, Remote: 192.168.0.200) | AUTH_SUCCESS | VPN | null | 192.168.0.200 | null
					Jun 15 09:00:00 192.168.100.1 IP Tunnel[1] Up | OTHER | OTHER | null | null | null
					Jun 15 09:00:00 192.168.100.1 IP Tunnel[1] Down | OTHER | OTHER | null | null | null
					Jun 15 09:00:00 192.168.100.1 [DHCPD] LAN1(port4) Allocates 192.168.0.101: f8:0f:f9:00:00:01 | OTHER | OTHER | null | null | null
					""")
	void mapsEachLine(String line, EventKind kind, Access access, String user, String source, String target) {
		LogEvent event = ParsedLog.line(parser, line);

		assertThat(event.kind()).isEqualTo(kind);
		assertThat(event.access()).isEqualTo(access);
		assertThat(event.user()).isEqualTo(user);
		assertThat(event.sourceAddress()).isEqualTo(source);
		assertThat(event.target()).isEqualTo(target);
		assertThat(event.host()).isEqualTo("192.168.100.1");
		assertThat(event.time()).isEqualTo(Instant.parse("2025-06-15T00:00:00Z"));
	}

	@Test
	void keepsTheFilterNumberDirectionAndInterface() {
		LogEvent event = ParsedLog.line(parser,
				"Jun 15 09:00:00 192.168.100.1 PP[01] Rejected at IN(1100) filter: TCP 203.0.113.5:51234 > 192.168.0.1:22");

		assertThat(event.data()).containsEntry("filter", "1100")
			.containsEntry("direction", "IN")
			.containsEntry("interface", "PP[01]")
			.containsEntry("protocol", "TCP");
	}

	@Test
	void readsShowLogOutputInTheContextZone() {
		ParsedLog log = ParsedLog.fixture(parser, "rtx-show-log.txt");

		assertThat(log.stats().skipped()).isZero();
		assertThat(log.stats().events()).isEqualTo(9);
		assertThat(log.stats().hosts()).isEmpty();
		assertThat(log.events().get(0).time()).isEqualTo(Instant.parse("2025-06-15T00:05:10Z"));
		assertThat(log.kind(EventKind.AUTH_SUCCESS)).extracting(LogEvent::user).containsExactly("admin", "netadmin");
		assertThat(log.kind(EventKind.PRIVILEGE_USE)).hasSize(1);
		assertThat(log.kind(EventKind.AUTH_FAILURE)).extracting(LogEvent::sourceAddress)
			.containsExactly("203.0.113.99");
		assertThat(log.kind(EventKind.SESSION_END)).extracting(LogEvent::user).containsExactly("admin");
	}

	@Test
	void readsTheSyslogFixture() {
		ParsedLog log = ParsedLog.fixture(parser, "rtx-syslog.log");

		assertThat(log.stats().skipped()).isZero();
		assertThat(log.stats().events()).isEqualTo(11);
		assertThat(log.kind(EventKind.TRAFFIC_DENIED)).hasSize(3);
		assertThat(log.kind(EventKind.TRAFFIC_ALLOWED)).hasSize(2);
	}

}
