package jp.mamori.accesslog.parser;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WindowsFirewallParserTests {

	private final WindowsFirewallParser parser = new WindowsFirewallParser();

	private static final String HEADER = """
			#Version: 1.5
			#Software: Microsoft Windows Firewall
			#Time Format: Local
			#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack tcpwin icmptype icmpcode info path
			""";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null",
			textBlock = """
					2025-06-15 09:00:00 DROP TCP 203.0.113.5 192.168.0.10 51234 3389 52 S 1234 0 64240 - - - RECEIVE | TRAFFIC_DENIED | 203.0.113.5 | 192.168.0.10:3389 | RECEIVE
					2025-06-15 09:00:00 ALLOW TCP 192.168.0.10 192.168.0.1 50000 445 0 - - - - - - - SEND | TRAFFIC_ALLOWED | 192.168.0.10 | 192.168.0.1:445 | SEND
					2025-06-15 09:00:00 ALLOW UDP fe80::1 ff02::fb 5353 5353 0 - - - - - - - RECEIVE | TRAFFIC_ALLOWED | fe80::1 | [ff02::fb]:5353 | RECEIVE
					2025-06-15 09:00:00 DROP ICMP 203.0.113.6 192.168.0.10 - - 60 - - - - 8 0 - RECEIVE | TRAFFIC_DENIED | 203.0.113.6 | 192.168.0.10 | RECEIVE
					2025-06-15 09:00:00 INFO-EVENTS-LOST - - - - - - - - - - - - 12 - - | OTHER | null | null | null
					""")
	void mapsEachAction(String line, EventKind kind, String source, String target, String direction) {
		LogEvent event = ParsedLog.line(parser, HEADER + line);

		assertThat(event.kind()).isEqualTo(kind);
		assertThat(event.sourceAddress()).isEqualTo(source);
		assertThat(event.target()).isEqualTo(target);
		assertThat(event.data().get("direction")).isEqualTo(direction);
		// local time of the machine, read in the analysis zone (Japan)
		assertThat(event.time()).isEqualTo(Instant.parse("2025-06-15T00:00:00Z"));
	}

	@Test
	void readsTheFixtureWithCrLfAndABlankLine() {
		ParsedLog log = ParsedLog.fixture(parser, "pfirewall.log");

		assertThat(log.stats().events()).isEqualTo(5);
		assertThat(log.stats().skipped()).isZero();
		assertThat(log.kind(EventKind.TRAFFIC_DENIED)).hasSize(2);
		assertThat(log.events().get(0).recordNumber()).isEqualTo(6);
	}

	@Test
	void skipsLinesWithTooFewColumns() {
		ParsedLog log = ParsedLog.text(parser, HEADER + "2025-06-15 09:00:00 DROP TCP\n");

		assertThat(log.stats().events()).isZero();
		assertThat(log.stats().skipped()).isEqualTo(1);
	}

}
