package jp.mamori.accesslog.parser;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AsaParserTests {

	private final AsaParser parser = new AsaParser();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null",
			textBlock = """
					<166>Jun 15 2025 09:00:00 asa : %ASA-6-605005: Login permitted from 192.0.2.50/51234 to inside:192.0.2.1/ssh for user "admin" | 605005 | AUTH_SUCCESS | DEVICE_ADMIN | admin | 192.0.2.50 | 192.0.2.1
					<166>Jun 15 2025 09:00:00 asa : %ASA-6-605004: Login denied from 203.0.113.9/40000 to outside:198.51.100.1/https for user "cisco" | 605004 | AUTH_FAILURE | DEVICE_ADMIN | cisco | 203.0.113.9 | 198.51.100.1
					Jun 15 09:00:00 10.0.0.1 %ASA-6-113004: AAA user authentication Successful : server =  192.0.2.5 : user = nurse01 | 113004 | AUTH_SUCCESS | NETWORK | nurse01 | null | null
					Jun 15 09:00:00 10.0.0.1 %ASA-6-113005: AAA user authentication Rejected : reason = AAA failure : server = 192.0.2.5 : user = nurse02 : user IP = 198.51.100.77 | 113005 | AUTH_FAILURE | NETWORK | nurse02 | 198.51.100.77 | null
					Jun 15 2025 09:00:00: %ASA-6-113039: Group <GP> User <kato> IP <198.51.100.30> AnyConnect parent session started. | 113039 | AUTH_SUCCESS | VPN | kato | 198.51.100.30 | null
					Jun 15 2025 09:00:00: %ASA-6-722022: Group <GP> User <kato> IP <198.51.100.30> TCP SVC connection established without compression | 722022 | AUTH_SUCCESS | VPN | kato | 198.51.100.30 | null
					Jun 15 2025 09:00:00: %ASA-6-716001: Group <GP> User <ito> IP <198.51.100.31> WebVPN session started. | 716001 | AUTH_SUCCESS | VPN | ito | 198.51.100.31 | null
					Jun 15 2025 09:00:00: %ASA-6-722023: Group <GP> User <kato> IP <198.51.100.30> UDP SVC connection terminated without compression | 722023 | SESSION_END | VPN | kato | 198.51.100.30 | null
					Jun 15 2025 09:00:00: %ASA-6-716002: Group <GP> User <ito> IP <198.51.100.31> WebVPN session terminated: User Requested. | 716002 | SESSION_END | VPN | ito | 198.51.100.31 | null
					Jun 15 2025 09:00:00: %ASA-4-106023: Deny tcp src outside:203.0.113.5/51234 dst inside:192.0.2.10/3389 by access-group "outside_in" [0x0, 0x0] | 106023 | TRAFFIC_DENIED | OTHER | null | 203.0.113.5 | 192.0.2.10:3389
					Jun 15 2025 09:00:00: %ASA-2-106001: Inbound TCP connection denied from 203.0.113.6/40001 to 192.0.2.11/445 flags SYN  on interface outside | 106001 | TRAFFIC_DENIED | OTHER | null | 203.0.113.6 | 192.0.2.11:445
					Jun 15 2025 09:00:00: %ASA-6-106015: Deny TCP (no connection) from 192.0.2.12/443 to 203.0.113.7/51000 flags RST  on interface inside | 106015 | TRAFFIC_DENIED | OTHER | null | 192.0.2.12 | 203.0.113.7:51000
					Jun 15 2025 09:00:00: %ASA-4-106100: access-list outside_in denied tcp outside/203.0.113.8(51001) -> inside/192.0.2.13(22) hit-cnt 1 first hit [0x1, 0x0] | 106100 | TRAFFIC_DENIED | OTHER | null | 203.0.113.8 | 192.0.2.13:22
					Jun 15 2025 09:00:00: %ASA-6-106100: access-list inside_in permitted udp inside/192.0.2.13(5000) -> outside/8.8.8.8(53) hit-cnt 1 first hit [0x1, 0x0] | 106100 | TRAFFIC_ALLOWED | OTHER | null | 192.0.2.13 | 8.8.8.8:53
					Jun 15 2025 09:00:00: %ASA-6-302013: Built inbound TCP connection 1001 for outside:203.0.113.9/51002 (203.0.113.9/51002) to inside:192.0.2.14/443 (198.51.100.14/443) | 302013 | TRAFFIC_ALLOWED | OTHER | null | 203.0.113.9 | 192.0.2.14:443
					Jun 15 2025 09:00:00: %ASA-6-302015: Built outbound UDP connection 1002 for outside:8.8.8.8/53 (8.8.8.8/53) to inside:192.0.2.15/53000 (198.51.100.1/53000) | 302015 | TRAFFIC_ALLOWED | OTHER | null | 192.0.2.15 | 8.8.8.8:53
					Jun 15 2025 09:00:00: %ASA-5-111008: User 'admin' executed the 'write memory' command. | 111008 | OTHER | DEVICE_ADMIN | admin | null | write memory
					Jun 15 2025 09:00:00: %ASA-5-111010: User 'admin', running 'CLI' from IP 192.0.2.50, executed 'configure terminal' | 111010 | OTHER | DEVICE_ADMIN | admin | 192.0.2.50 | configure terminal
					Jun 15 2025 09:00:00: %ASA-6-611101: User authentication succeeded: IP address: 192.0.2.50, Uname: admin | 611101 | AUTH_SUCCESS | DEVICE_ADMIN | admin | 192.0.2.50 | null
					Jun 15 2025 09:00:00: %ASA-6-611102: User authentication failed: IP address: 203.0.113.9, Uname: root | 611102 | AUTH_FAILURE | DEVICE_ADMIN | root | 203.0.113.9 | null
					Jun 15 2025 09:00:00: %ASA-6-199005: Startup begin | 199005 | OTHER | OTHER | null | null | null
					""")
	void mapsEachMessage(String line, String id, EventKind kind, Access access, String user, String source,
			String target) {
		LogEvent event = ParsedLog.line(parser, line);

		assertThat(event.eventId()).isEqualTo(id);
		assertThat(event.kind()).isEqualTo(kind);
		assertThat(event.access()).isEqualTo(access);
		assertThat(event.user()).isEqualTo(user);
		assertThat(event.sourceAddress()).isEqualTo(source);
		assertThat(event.target()).isEqualTo(target);
		assertThat(event.channel()).isEqualTo("asa");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null",
			textBlock = """
					<166>Jun 15 2025 09:00:00 asa-hosp : %ASA-6-199005: Startup begin | 2025-06-15T00:00:00Z | asa-hosp
					Jun 15 2025 09:00:00: %ASA-6-199005: Startup begin | 2025-06-15T00:00:00Z | null
					Jun 15 09:00:00 10.0.0.1 %ASA-6-199005: Startup begin | 2025-06-15T00:00:00Z | 10.0.0.1
					2025-06-15T09:00:00+09:00 asa-hosp %ASA-6-199005: Startup begin | 2025-06-15T00:00:00Z | asa-hosp
					Jun 15 09:00:01 10.0.0.1 Jun 15 2025 09:00:00: %FTD-6-199005: Startup begin | 2025-06-15T00:00:01Z | 10.0.0.1
					""")
	void readsTheTimeWithAndWithoutASyslogHeader(String line, Instant time, String host) {
		LogEvent event = ParsedLog.line(parser, line);

		assertThat(event.time()).isEqualTo(time);
		assertThat(event.host()).isEqualTo(host);
	}

	@Test
	void readsTheFixtureAndSkipsLinesWithoutTime() {
		ParsedLog log = ParsedLog.fixture(parser, "asa.log");
		ParsedLog bad = ParsedLog.text(parser,
				"%ASA-6-605005: Login permitted from 1.2.3.4/1 to a:b/ssh for user \"x\"\nnoise\n");

		assertThat(log.stats().events()).isEqualTo(20);
		assertThat(log.stats().skipped()).isZero();
		assertThat(bad.stats().events()).isZero();
		assertThat(bad.stats().skipped()).isEqualTo(2);
	}

}
