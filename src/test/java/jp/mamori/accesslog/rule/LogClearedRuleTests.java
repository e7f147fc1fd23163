package jp.mamori.accesslog.rule;

import java.util.List;
import java.util.Map;

import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;

import static jp.mamori.accesslog.rule.Events.at;
import static jp.mamori.accesslog.rule.Events.run;
import static org.assertj.core.api.Assertions.assertThat;

class LogClearedRuleTests {

	final LogClearedRule rule = new LogClearedRule();

	@Test
	void flagsEachClearingWithWhoAndWhichLog() {
		// eas_1102-security-log-cleared: 1102 by user01 of EXAMPLE, then 110 × 4663
		List<LogEvent> events = Events.all(
				List.of(LogEvent.at(at("2019-03-19T23:35:07.520Z"), EventKind.LOG_CLEARED)
					.host("PC01.example.corp")
					.channel("Security")
					.eventId("1102")
					.subjectUser("EXAMPLE\\user01")
					.build()),
				Events.series(at("2019-03-19T23:35:08Z"), java.time.Duration.ofMillis(50), 110,
						(i, t) -> LogEvent.at(t, EventKind.OTHER).eventId("4663").build()));

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("log-cleared");
			assertThat(f.severity()).isEqualTo(Severity.HIGH);
			assertThat(f.count()).isEqualTo(1);
			assertThat(f.accounts()).containsExactly("EXAMPLE\\user01");
			assertThat(f.hosts()).containsExactly("PC01.example.corp");
			assertThat(f.summary())
				.startsWith("2019/03/20 08:35:07 にホスト PC01.example.corp の Security ログが EXAMPLE\\user01 によって消去されました。");
		});
	}

	@Test
	void namesTheClearedChannelOfA104() {
		LogEvent systemCleared = LogEvent.at(at("2025-01-06T00:00:00Z"), EventKind.LOG_CLEARED)
			.channel("System")
			.eventId("104")
			.user("CLINIC\\it-admin")
			.data(Map.of("Channel", "Application"))
			.build();

		assertThat(run(rule, List.of(systemCleared))).singleElement()
			.satisfies(f -> assertThat(f.summary()).contains("Application ログが CLINIC\\it-admin によって消去"));
	}

}
