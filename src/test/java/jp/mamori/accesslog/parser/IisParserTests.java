package jp.mamori.accesslog.parser;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IisParserTests {

	private final IisParser parser = new IisParser();

	@Test
	void followsRepeatedFieldsHeadersWithOtherColumns() {
		ParsedLog log = ParsedLog.fixture(parser, "u_ex250615.log");

		assertThat(log.stats().events()).isEqualTo(5);
		assertThat(log.stats().skipped()).isEqualTo(1);
		assertThat(log.events()).allSatisfy(e -> {
			assertThat(e.kind()).isEqualTo(EventKind.WEB_REQUEST);
			assertThat(e.access()).isEqualTo(Access.WEB);
		});

		LogEvent login = log.events().get(1);
		assertThat(login.process()).isEqualTo("POST");
		assertThat(login.target()).isEqualTo("/portal/login.aspx");
		assertThat(login.data()).containsEntry("query", "ReturnUrl=%2Fportal")
			.containsEntry("referer", "https://portal.example/");
		assertThat(login.status()).isEqualTo("302");
		assertThat(login.host()).isEqualTo("192.0.2.5");
		// IIS writes UTC
		assertThat(login.time()).isEqualTo(Instant.parse("2025-06-15T00:00:02Z"));

		LogEvent denied = log.events().get(2);
		assertThat(denied.user()).isEqualTo("HOSP\\yamada");
		assertThat(denied.account()).isEqualTo("yamada");
		assertThat(denied.eventId()).isEqualTo("401");

		// after the second #Fields: s-computername comes before s-ip, no user agent
		LogEvent owa = log.events().get(3);
		assertThat(owa.host()).isEqualTo("WEB01");
		assertThat(owa.sourceAddress()).isEqualTo("2001:db8::77");
		assertThat(owa.target()).isEqualTo("/owa/auth/logon.aspx");
		assertThat(owa.data()).containsEntry("site", "W3SVC1").doesNotContainKey("userAgent");
		assertThat(log.events().get(4).status()).isEqualTo("404");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null",
			textBlock = """
					date time c-ip cs-method cs-uri-stem sc-status | 2025-06-15 10:00:00 198.51.100.1 GET /a 200 | 198.51.100.1 | GET | /a | 200
					time c-ip cs-method cs-uri-stem sc-status | 10:00:00 198.51.100.1 HEAD /b 404 | 198.51.100.1 | HEAD | /b | 404
					date time cs-uri-stem c-ip | 2025-06-15 10:00:00 /c - | null | null | /c | null
					""")
	void readsWhateverColumnsTheHeaderNames(String fields, String line, String source, String method, String target,
			String status) {
		LogEvent event = ParsedLog.line(parser, "#Date: 2025-06-15 10:00:00\n#Fields: " + fields + "\n" + line);

		assertThat(event.time()).isEqualTo(Instant.parse("2025-06-15T10:00:00Z"));
		assertThat(event.sourceAddress()).isEqualTo(source);
		assertThat(event.process()).isEqualTo(method);
		assertThat(event.target()).isEqualTo(target);
		assertThat(event.status()).isEqualTo(status);
	}

}
