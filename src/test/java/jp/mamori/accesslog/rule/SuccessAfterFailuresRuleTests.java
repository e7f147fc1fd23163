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
import static jp.mamori.accesslog.rule.Events.sshSuccess;
import static org.assertj.core.api.Assertions.assertThat;

class SuccessAfterFailuresRuleTests {

	final SuccessAfterFailuresRule rule = new SuccessAfterFailuresRule();

	static final Instant START = at("2024-12-10T00:00:00Z");

	@ParameterizedTest(name = "{0} failures before the success: {1}")
	@CsvSource({ "1, LOW", "4, LOW", "5, HIGH", "12, HIGH" })
	void ratesBySeverityOfTheFailuresBefore(int failures, Severity severity) {
		List<LogEvent> events = Events.all(
				series(START, Duration.ofSeconds(10), failures, (i, t) -> sshFailure(t, "root", "1.2.3.4").build()),
				List.of(sshSuccess(START.plusSeconds(10L * failures), "root", "1.2.3.4").build()));

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(severity);
			assertThat(f.count()).isEqualTo(1);
			assertThat(f.accounts()).containsExactly("root");
			assertThat(f.sources()).containsExactly("1.2.3.4");
			// the failures kept are the last ones, at most a burst's worth
			assertThat(f.first()).isEqualTo(START.plusSeconds(10L * Math.max(0, failures - 5)));
			assertThat(f.evidence()).hasSize(Math.min(failures, 5) + 1)
				.last()
				.extracting(LogEvent::kind)
				.isEqualTo(EventKind.AUTH_SUCCESS);
		});
	}

	@Test
	void explainsABreakInWithTheNumbers() {
		List<LogEvent> events = Events.all(
				series(START, Duration.ofSeconds(1), 370, (i, t) -> sshFailure(t, "root", "1.2.3.4").build()),
				List.of(sshSuccess(START.plusSeconds(370), "root", "1.2.3.4").build()));

		assertThat(run(rule, events)).singleElement()
			.satisfies(f -> assertThat(f.summary())
				.startsWith("アカウント root が 2024/12/10 09:06:10 に送信元 1.2.3.4 からログオンに成功しました。")
				.contains("10 分以内に同じ送信元から 5 回以上のログオン失敗（一連の失敗は計 370 回）", "総当たりの後にログオンに成功"));
	}

	@Test
	void listsATypoWithoutAddressAsLow() {
		// eas_4625-then-4624-same-user: one 4625 for IEUser, 4 s later two 4624 (type 2)
		Instant failed = at("2020-09-09T13:18:23.630Z");
		List<LogEvent> events = List.of(
				Events.logon(failed, EventKind.AUTH_FAILURE, "MSEDGEWIN10\\IEUser", 2).host("MSEDGEWIN10").build(),
				Events.logon(at("2020-09-09T13:18:27.710Z"), EventKind.AUTH_SUCCESS, "MSEDGEWIN10\\IEUser", 2)
					.host("MSEDGEWIN10")
					.process("Chrome")
					.build(),
				Events.logon(at("2020-09-09T13:18:27.710Z"), EventKind.AUTH_SUCCESS, "IEUser", 2)
					.host("MSEDGEWIN10")
					.build(),
				Events.logon(at("2020-09-09T13:18:27.710Z"), EventKind.AUTH_SUCCESS, "SYSTEM", 5)
					.host("MSEDGEWIN10")
					.build());

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.severity()).isEqualTo(Severity.LOW);
			// the first success ends the run of failures: the second is not another
			assertThat(f.count()).isEqualTo(1);
			assertThat(f.summary()).contains("MSEDGEWIN10\\IEUser", "送信元アドレスの記録なし", "1 回のログオン失敗", "入力ミス");
		});
	}

	@Test
	void ignoresASuccessFromASourceWithoutFailures() {
		// loghub OpenSSH: 520 failures from 23 addresses, one success (fztu) from an
		// address that never failed
		List<String> sources = List.of("183.62.140.253", "187.141.143.180", "103.99.0.122", "112.95.230.3");
		List<LogEvent> events = Events.all(
				series(START, Duration.ofSeconds(2), 520,
						(i, t) -> sshFailure(t, i % 5 == 0 ? "fztu" : "root", sources.get(i % 4)).build()),
				List.of(sshSuccess(START.plusSeconds(30), "fztu", "119.137.62.142").build()));

		assertThat(run(rule, events)).isEmpty();
	}

	@Test
	void matchesNoAddressOnlyWithNoAddress() {
		List<LogEvent> failures = series(START, Duration.ofSeconds(1), 5,
				(i, t) -> Events.failure(t, "tanaka").build());

		assertThat(run(rule,
				Events.all(failures,
						List.of(Events.success(START.plusSeconds(6), "tanaka").sourceAddress("10.0.0.5").build()))))
			.isEmpty();
		assertThat(run(rule, Events.all(failures, List.of(Events.success(START.plusSeconds(6), "tanaka").build()))))
			.singleElement()
			.extracting(Finding::severity)
			.isEqualTo(Severity.HIGH);
	}

	@Test
	void matchesFailuresWithoutAddressOnTheSameMachineOnly() {
		List<LogEvent> failures = series(START, Duration.ofSeconds(1), 5,
				(i, t) -> Events.failure(t, "tanaka").host("PC01").build());

		assertThat(run(rule, Events
			.all(failures, List.of(Events.success(START.plusSeconds(6), "tanaka").host("PC02").build(),
					Events.success(START.plusSeconds(7), "tanaka").host("PC01").sourceAddress("127.0.0.1").build()))))
			.isEmpty();
		assertThat(run(rule,
				Events.all(failures, List.of(Events.success(START.plusSeconds(6), "tanaka").host("pc01").build()))))
			.hasSize(1);
	}

	@ParameterizedTest(name = "last failure {0} ms before the success: fires {1}")
	@CsvSource({ "600000, true", "600001, false" })
	void looksBackOneWindow(long millisBefore, boolean fires) {
		Instant success = START.plus(Duration.ofHours(1));
		List<LogEvent> events = List.of(sshFailure(success.minusMillis(millisBefore), "root", "1.2.3.4").build(),
				sshSuccess(success, "root", "1.2.3.4").build());

		assertThat(run(rule, events)).hasSize(fires ? 1 : 0);
	}

	@Test
	void gathersRepeatedBreakInsOfOneAccountAndSource() {
		List<LogEvent> events = Events.all(
				series(START, Duration.ofSeconds(1), 5, (i, t) -> sshFailure(t, "root", "1.2.3.4").build()),
				List.of(sshSuccess(START.plusSeconds(5), "root", "1.2.3.4").build()),
				series(START.plusSeconds(3600), Duration.ofSeconds(1), 6,
						(i, t) -> sshFailure(t, "root", "1.2.3.4").build()),
				List.of(sshSuccess(START.plusSeconds(3606), "root", "1.2.3.4").build()));

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.count()).isEqualTo(2);
			assertThat(f.evidence()).hasSize(12);
			assertThat(f.summary()).contains("このような成功が 2 回");
		});
	}

	@Test
	void ignoresSystemAccounts() {
		List<LogEvent> events = Events.all(
				series(START, Duration.ofSeconds(1), 5, (i, t) -> Events.failure(t, "PC01$").build()),
				List.of(Events.success(START.plusSeconds(5), "PC01$").build()));

		assertThat(run(rule, events)).isEmpty();
	}

}
