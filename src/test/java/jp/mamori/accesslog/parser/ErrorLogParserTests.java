package jp.mamori.accesslog.parser;

import java.time.Instant;

import jp.mamori.support.SharedSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorLogParserTests {

	private final ErrorLogParser parser = new ErrorLogParser();

	@Test
	void readsTheApacheErrorSampleAsAnErrorLog() {
		ParsedLog log = ParsedLog.of(parser, SharedSamples.sample("web-access/loghub_Apache_2k_error.log"),
				ParsedLog.CONTEXT);

		assertThat(log.stats().events()).isEqualTo(2000);
		assertThat(log.stats().skipped()).isZero();
		assertThat(log.stats().notes()).containsExactly("エラーログとして読み込みました（アクセスログではありません）");
		assertThat(log.events()).allSatisfy(e -> assertThat(e.kind()).isEqualTo(EventKind.ERROR));
		assertThat(log.events().get(1).status()).isEqualTo("error");
		// [Sun Dec 04 04:47:44 2005] in the analysis zone (Japan)
		assertThat(log.events().get(0).time()).isEqualTo(Instant.parse("2005-12-03T19:47:44Z"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null",
			textBlock = """
					[Sun Dec 04 04:47:44 2005] [error] [client 1.2.3.4] Directory index forbidden by rule: /var/www/html/ | apache | error | 1.2.3.4 | null | 2005-12-03T19:47:44Z
					[Sun Jun 15 09:00:00.123456 2025] [core:error] [pid 1:tid 2] [client 203.0.113.5:51234] AH00126: Invalid URI | apache | error | 203.0.113.5 | AH00126 | 2025-06-15T00:00:00.123456Z
					2025/06/15 09:00:00 [error] 12#12: *1 open() "/x" failed (2: No such file or directory), client: 1.2.3.4, server: _ | nginx | error | 1.2.3.4 | null | 2025-06-15T00:00:00Z
					15-Jun-2025 09:00:00.123 SEVERE [main] org.apache.catalina.startup.Catalina.start failed | tomcat | SEVERE | null | null | 2025-06-15T00:00:00.123Z
					""")
	void readsEachServer(String line, String channel, String level, String client, String code, Instant time) {
		LogEvent event = ParsedLog.line(parser, line);

		assertThat(event.kind()).isEqualTo(EventKind.ERROR);
		assertThat(event.channel()).isEqualTo(channel);
		assertThat(event.status()).isEqualTo(level);
		assertThat(event.sourceAddress()).isEqualTo(client);
		assertThat(event.eventId()).isEqualTo(code);
		assertThat(event.time()).isEqualTo(time);
	}

	@Test
	void treatsStackTraceLinesAsPartOfTheRecordBefore() {
		ParsedLog log = ParsedLog.fixture(parser, "catalina.2025-06-15.log");

		assertThat(log.stats().events()).isEqualTo(3);
		assertThat(log.stats().skipped()).isZero();
		assertThat(log.events()).extracting(LogEvent::status).containsExactly("INFO", "SEVERE", "WARNING");
	}

}
