package jp.mamori.accesslog.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static jp.mamori.accesslog.rule.Events.at;
import static jp.mamori.accesslog.rule.Events.run;
import static jp.mamori.accesslog.rule.Events.series;
import static jp.mamori.accesslog.rule.Events.sshFailure;
import static org.assertj.core.api.Assertions.assertThat;

class PasswordSprayRuleTests {

	final PasswordSprayRule rule = new PasswordSprayRule();

	static final Instant START = at("2024-12-10T06:55:46Z");

	static final List<String> NAMES = List.of("root", "admin", "support", "oracle", "test", "git", "ftp");

	@Test
	void flagsOneSourceFailingAgainstManyAccounts() {
		List<LogEvent> events = series(START, Duration.ofSeconds(20), 14,
				(i, t) -> sshFailure(t, NAMES.get(i % 7), "183.62.140.253").build());

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("password-spray");
			assertThat(f.severity()).isEqualTo(Severity.HIGH);
			assertThat(f.count()).isEqualTo(14);
			assertThat(f.accounts()).containsExactlyElementsOf(NAMES);
			assertThat(f.sources()).containsExactly("183.62.140.253");
			assertThat(f.summary()).startsWith("送信元 183.62.140.253 から 2024/12/10 15:55〜16:00 に 7 個のアカウント")
				.contains("に対して、ログオン失敗が 14 回ありました。", "30 分以内に 5 個以上", "パスワードスプレー");
		});
	}

	@ParameterizedTest(name = "{0} accounts, {1} s apart: fires {2}")
	@CsvSource({ "5, 450, true", // 4 gaps = exactly the 30-minute window
			"5, 451, false", // the first account slid out of the window
			"4, 1, false" // threshold - 1
	})
	void needsTheThresholdOfDistinctAccountsWithinTheWindow(int accounts, long gapSeconds, boolean fires) {
		List<LogEvent> events = series(START, Duration.ofSeconds(gapSeconds), accounts,
				(i, t) -> sshFailure(t, NAMES.get(i), "5.188.10.180").build());

		assertThat(run(rule, events)).hasSize(fires ? 1 : 0);
	}

	@Test
	void doesNotCountRepeatedFailuresOfFewAccounts() {
		List<LogEvent> events = series(START, Duration.ofSeconds(1), 400,
				(i, t) -> sshFailure(t, NAMES.get(i % 4), "183.62.140.253").build());

		assertThat(run(rule, events)).isEmpty();
	}

	@Test
	void keepsSourcesApart() {
		List<LogEvent> events = Events.all(
				series(START, Duration.ofSeconds(5), 3, (i, t) -> sshFailure(t, NAMES.get(i), "10.0.0.1").build()),
				series(START, Duration.ofSeconds(5), 3, (i, t) -> sshFailure(t, NAMES.get(i + 3), "10.0.0.2").build()));

		assertThat(run(rule, events)).isEmpty();
	}

	@Test
	void attributesExplicitCredentialsWithoutAddressToTheSubject() {
		// 4648 "A logon was attempted using explicit credentials" by one account
		List<LogEvent> events = series(START, Duration.ofSeconds(3), 6,
				(i, t) -> LogEvent.at(t, EventKind.EXPLICIT_CREDENTIALS)
					.channel("Security")
					.eventId("4648")
					.subjectUser("OFFSEC\\intruder")
					.user("OFFSEC\\" + NAMES.get(i))
					.sourceAddress("-")
					.build());

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.count()).isEqualTo(6);
			assertThat(f.sources()).isEmpty();
			assertThat(f.accounts()).contains("OFFSEC\\root", "OFFSEC\\intruder");
			assertThat(f.summary())
				.startsWith("アカウント OFFSEC\\intruder が 2024/12/10 15:55〜15:56 に明示的な資格情報を使って 6 個のアカウント（")
				.contains("へのログオンを試みました（明示的な資格情報によるログオン試行が 6 回）。");
		});
	}

	@Test
	void countsFailuresAndExplicitCredentialsFromOneAddressTogether() {
		List<LogEvent> events = series(START, Duration.ofSeconds(3), 5,
				(i, t) -> (i % 2 == 0 ? Events.failure(t, NAMES.get(i))
						: LogEvent.at(t, EventKind.EXPLICIT_CREDENTIALS).subjectUser("pc01$").user(NAMES.get(i)))
					.sourceAddress("10.0.2.17")
					.build());

		assertThat(run(rule, events)).singleElement()
			.satisfies(f -> assertThat(f.summary()).contains("ログオン失敗が 3 回、明示的な資格情報によるログオン試行が 2 回ありました"));
	}

	@Test
	void ignoresFailuresWithoutAddressAndSystemAccounts() {
		List<LogEvent> events = Events.all(
				series(START, Duration.ofSeconds(1), 7, (i, t) -> Events.failure(t, NAMES.get(i)).build()),
				series(START, Duration.ofSeconds(1), 7,
						(i, t) -> Events.failure(t, "HOST" + i + "$").sourceAddress("10.0.0.9").build()));

		assertThat(run(rule, events)).isEmpty();
	}

	@Test
	void keepsLoopbackOfDifferentMachinesApart() {
		// console logon failures carry 127.0.0.1: each machine's own
		List<LogEvent> events = series(START, Duration.ofSeconds(10), 6,
				(i, t) -> Events.logon(t, EventKind.AUTH_FAILURE, NAMES.get(i), 2)
					.host("PC0" + (i % 2))
					.sourceAddress("127.0.0.1")
					.build());

		assertThat(run(rule, events)).isEmpty();
		assertThat(run(rule,
				events.stream()
					.map(e -> Events.failure(e.time(), e.user()).host("PC01").sourceAddress("127.0.0.1").build())
					.toList()))
			.singleElement()
			.satisfies(f -> assertThat(f.summary()).startsWith("送信元 127.0.0.1 から"));
	}

	@Test
	void startsOverAfterAQuietWindow() {
		// a source that tried two accounts last week and returns to spray is counted from
		// its return
		List<LogEvent> events = Events.all(
				series(START.minus(Duration.ofDays(7)), Duration.ofSeconds(1), 2,
						(i, t) -> sshFailure(t, "old" + i, "10.9.9.9").build()),
				series(START, Duration.ofSeconds(1), 5, (i, t) -> sshFailure(t, NAMES.get(i), "10.9.9.9").build()));

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.count()).isEqualTo(5);
			assertThat(f.first()).isEqualTo(START);
		});
	}

}
