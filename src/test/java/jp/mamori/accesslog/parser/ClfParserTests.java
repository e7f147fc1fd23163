package jp.mamori.accesslog.parser;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import jp.mamori.support.SharedSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ClfParserTests {

	private final ClfParser parser = new ClfParser();

	@Test
	void reproducesTheTomcatSampleGroundTruth() {
		ParsedLog log = ParsedLog.of(parser, SharedSamples.sample("web-access/eas_tomcat_localhost_access_log.txt"),
				ParsedLog.CONTEXT);

		assertThat(log.stats().events()).isEqualTo(2647);
		assertThat(log.stats().skipped()).isEqualTo(14);
		Map<String, Long> sources = log.events()
			.stream()
			.collect(Collectors.groupingBy(LogEvent::sourceAddress, Collectors.counting()));
		assertThat(sources).containsOnly(Map.entry("192.168.105.83", 1287L), Map.entry("192.168.105.64", 1222L),
				Map.entry("192.168.105.76", 115L), Map.entry("192.168.153.46", 23L));
		assertThat(log.events().stream().filter(e -> "401".equals(e.status()))).hasSize(8);
		assertThat(log.events().stream().filter(e -> "admin".equals(e.user()))).hasSize(37);
		assertThat(log.events()
			.stream()
			.filter(e -> "POST".equals(e.process()) && "/manager/html/upload".equals(e.target()))).hasSize(4)
			.allSatisfy(e -> {
				assertThat(e.status()).isEqualTo("200");
				assertThat(e.sourceAddress()).isEqualTo("192.168.105.76");
			});
		// the README counts 21 requests to the web shell: 5 GET then 16 POST (commands)
		assertThat(log.events().stream().filter(e -> "/error/cmd.jsp".equals(e.target()))).hasSize(21);
		assertThat(log.events().stream().filter(e -> "GET".equals(e.process()) && "/error/cmd.jsp".equals(e.target())))
			.hasSize(5);
		assertThat(log.events().stream().filter(e -> "/error/cmd.jsp".equals(e.target()))).allSatisfy(e -> {
			assertThat(e.status()).isEqualTo("200");
			assertThat(e.sourceAddress()).isEqualTo("192.168.105.76");
		})
			.extracting(LogEvent::time)
			.contains(Instant.parse("2018-07-11T11:51:53Z"), Instant.parse("2018-07-11T12:25:48Z"));
		assertThat(log.stats().first()).isEqualTo(Instant.parse("2018-07-11T05:41:28Z"));
		assertThat(log.stats().last()).isEqualTo(Instant.parse("2018-07-11T12:33:50Z"));
	}

	@Test
	void keepsRequestLinesWithNonAsciiBytes() {
		byte[] line = "203.0.113.1 - - [11/Jul/2018:09:32:02 +0300] \"\u0016\u0003\u0001\u00fc\u00ea =?A3 \" 400 -\r\n"
			.getBytes(StandardCharsets.ISO_8859_1);

		ParsedLog log = ParsedLog.of(parser, new ByteArrayInputStream(line), ParsedLog.CONTEXT);

		assertThat(log.events()).singleElement().satisfies(e -> {
			assertThat(e.process()).isNull();
			assertThat(e.data().get("request")).contains("\u00fc\u00ea");
			assertThat(e.status()).isEqualTo("400");
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null",
			textBlock = """
					192.168.105.83 - admin [11/Jul/2018:08:41:28 +0300] "GET /x?y=1 HTTP/1.1" 200 11230 "http://ref/" "Mozilla/5.0" | 192.168.105.83 | admin | GET | /x | 200 | 2018-07-11T05:41:28Z
					2001:db8::1 - - [15/Jun/2025:09:00:00 +0900] "HEAD / HTTP/1.0" 304 - | 2001:db8::1 | null | HEAD | / | 304 | 2025-06-15T00:00:00Z
					::ffff:10.0.0.5 - - [15/Jun/2025:09:00:00 +0000] "GET /a b HTTP/1.1" 400 12 | 10.0.0.5 | null | GET | /a | 400 | 2025-06-15T09:00:00Z
					10.0.0.5 - - [15/Jun/2025:09:00:00.123 +0000] "GNUTELLA CONNECT/0.6 " 400 - | 10.0.0.5 | null | GNUTELLA | CONNECT/0.6 | 400 | 2025-06-15T09:00:00.123Z
					""")
	void readsCommonAndCombinedLines(String line, String source, String user, String method, String target,
			String status, Instant time) {
		LogEvent event = ParsedLog.line(parser, line);

		assertThat(event.sourceAddress()).isEqualTo(source);
		assertThat(event.user()).isEqualTo(user);
		assertThat(event.process()).isEqualTo(method);
		assertThat(event.target()).isEqualTo(target);
		assertThat(event.status()).isEqualTo(status);
		assertThat(event.time()).isEqualTo(time);
	}

	@Test
	void readsTheFixtureAndSkipsMalformedLinesAndEmptyRequests() {
		ParsedLog log = ParsedLog.fixture(parser, "access_log");

		assertThat(log.stats().events()).isEqualTo(4);
		assertThat(log.stats().skipped()).isEqualTo(2);
		assertThat(log.events().get(1).data()).containsEntry("query", "next=%2Fhome")
			.containsEntry("referer", "https://intranet.example/login")
			.containsEntry("userAgent", "Mozilla/5.0");
	}

}
