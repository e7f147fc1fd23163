package jp.mamori.accesslog.parser;

import java.time.Instant;

import jp.mamori.support.SharedSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FortiGateParserTests {

	private final FortiGateParser parser = new FortiGateParser();

	@Test
	void reproducesTheBeatsSampleGroundTruth() {
		ParsedLog log = ParsedLog.of(parser, SharedSamples.sample("fw-syslog/beats_fortinet_event.log"),
				ParsedLog.CONTEXT);

		assertThat(log.stats().events()).isEqualTo(27);
		assertThat(log.stats().skipped()).isZero();
		assertThat(log.events().stream().filter(e -> "negotiate".equals(e.data().get("action")))).hasSize(5);
		assertThat(log.events().stream().filter(e -> "IPsec phase 1 error".equals(e.data().get("logdesc"))))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.sourceAddress()).isEqualTo("8.8.4.4");
				assertThat(e.kind()).isEqualTo(EventKind.OTHER);
			});
		assertThat(log.events().stream().filter(e -> "ssl-new-con".equals(e.data().get("action")))).singleElement()
			.satisfies(e -> assertThat(e.sourceAddress()).isEqualTo("8.8.8.6"));

		assertThat(log.kind(EventKind.AUTH_SUCCESS)).hasSize(3);
		assertThat(log.kind(EventKind.AUTH_SUCCESS).stream().filter(e -> e.access() == Access.VPN)).singleElement()
			.satisfies(tunnel -> {
				assertThat(tunnel.user()).isEqualTo("someuser");
				assertThat(tunnel.sourceAddress()).isEqualTo("8.8.5.4");
				assertThat(tunnel.data()).containsEntry("tunnelip", "10.10.10.10").containsEntry("group", "somegroup");
				assertThat(tunnel.host()).isEqualTo("testswitch3");
				assertThat(tunnel.eventId()).isEqualTo("0101039947");
				// date=2020-04-23 time=12:23:47 tz="-0500"
				assertThat(tunnel.time()).isEqualTo(Instant.parse("2020-04-23T17:23:47Z"));
			});
		assertThat(log.kind(EventKind.AUTH_SUCCESS).stream().filter(e -> e.access() == Access.DEVICE_ADMIN))
			.singleElement()
			.satisfies(admin -> {
				assertThat(admin.user()).isEqualTo("admin");
				assertThat(admin.sourceAddress()).isEqualTo("172.16.200.254");
				assertThat(admin.process()).isEqualTo("ssh");
				assertThat(admin.data()).containsEntry("profile", "super_admin")
					.containsEntry("ui", "ssh(172.16.200.254)");
				assertThat(admin.host()).isNull();
				// no tz: eventtime (ns) 1557771654587081441
				assertThat(admin.time()).isEqualTo(Instant.ofEpochSecond(1557771654L, 587081441L));
			});
		assertThat(log.kind(EventKind.AUTH_SUCCESS).stream().filter(e -> e.access() == Access.NETWORK)).singleElement()
			.satisfies(bob -> {
				assertThat(bob.user()).isEqualTo("bob");
				assertThat(bob.process()).isEqualTo("TELNET");
				assertThat(bob.sourceAddress()).isEqualTo("10.1.100.11");
			});
		assertThat(log.events().stream().filter(e -> e.host() == null)).hasSize(5);
		assertThat(log.events().stream().filter(e -> "firewall".equals(e.host())).map(LogEvent::time).distinct())
			.containsExactly(Instant.parse("2021-05-07T07:31:14Z"));
	}

	@Test
	void readsTheFixture() {
		ParsedLog log = ParsedLog.fixture(parser, "fortigate.log");

		assertThat(log.stats().skipped()).isZero();
		assertThat(log.events()).extracting(LogEvent::kind)
			.containsExactly(EventKind.AUTH_SUCCESS, EventKind.SESSION_END, EventKind.AUTH_FAILURE,
					EventKind.AUTH_FAILURE, EventKind.TRAFFIC_DENIED, EventKind.TRAFFIC_ALLOWED);
		assertThat(log.events().get(0).time()).isEqualTo(Instant.parse("2025-06-15T00:00:00Z"));
		assertThat(log.events().get(2)).satisfies(e -> {
			assertThat(e.access()).isEqualTo(Access.VPN);
			assertThat(e.user()).isEqualTo("admin");
			assertThat(e.sourceAddress()).isEqualTo("203.0.113.50");
		});
		assertThat(log.events().get(3)).satisfies(e -> {
			assertThat(e.access()).isEqualTo(Access.DEVICE_ADMIN);
			assertThat(e.process()).isEqualTo("https");
			assertThat(e.sourceAddress()).isEqualTo("203.0.113.51");
		});
		assertThat(log.events().get(4)).satisfies(e -> {
			assertThat(e.sourceAddress()).isEqualTo("203.0.113.60");
			assertThat(e.target()).isEqualTo("192.0.2.20:3389");
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					date=2025-06-15 time=09:00:00 logid=0000000013 type=traffic action=deny srcip=203.0.113.1 | 2025-06-15T00:00:00Z
					date=2025-06-15 time=09:00:00 tz="+0000" logid=0000000013 type=traffic action=deny | 2025-06-15T09:00:00Z
					eventtime=1749945600 logid=0000000013 type=traffic action=deny | 2025-06-15T00:00:00Z
					eventtime=1749945600123 logid=0000000013 type=traffic action=deny | 2025-06-15T00:00:00.123Z
					eventtime=1749945600123456 logid=0000000013 type=traffic action=deny | 2025-06-15T00:00:00.123456Z
					Jun 15 09:00:00 fw01 date=2025-06-15 time=09:00:00 logid=0000000013 type=traffic action=deny | 2025-06-15T00:00:00Z
					""")
	void readsTheTimeFromDateTimeTzOrEventtime(String line, Instant expected) {
		assertThat(ParsedLog.line(parser, line).time()).isEqualTo(expected);
	}

	@Test
	void skipsLinesThatAreNoFortiGateRecords() {
		ParsedLog log = ParsedLog.text(parser, "hello world\nlogid=1 type=event\n");

		assertThat(log.stats().events()).isZero();
		assertThat(log.stats().skipped()).isEqualTo(2);
	}

}
