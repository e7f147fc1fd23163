package jp.mamori.accesslog.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.mamori.accesslog.parser.Access;
import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static jp.mamori.accesslog.rule.Events.at;
import static jp.mamori.accesslog.rule.Events.failure;
import static jp.mamori.accesslog.rule.Events.run;
import static jp.mamori.accesslog.rule.Events.series;
import static org.assertj.core.api.Assertions.assertThat;

class BruteForceRuleTests {

	final BruteForceRule rule = new BruteForceRule();

	@Test
	void flagsBurstWithoutSourceAddressPerAccount() {
		// mitre_4625-local-bruteforce: 16 × 4625 LogonType 2 in 14 ms, Admin ×9 and
		// Administrator ×7, IpAddress "-"
		Instant start = at("2023-09-25T20:39:50.822Z");
		List<LogEvent> events = series(start, Duration.ofNanos(900_000), 16,
				(i, t) -> Events
					.logon(i == 15 ? start.plusMillis(14) : t, EventKind.AUTH_FAILURE,
							i % 16 < 9 ? "WIN\\Admin" : "WIN\\Administrator", 2)
					.host("WIN")
					.sourceAddress("-")
					.build());

		List<Finding> findings = run(rule, events);

		assertThat(findings).hasSize(2);
		assertThat(findings).extracting(Finding::rule).containsOnly("brute-force");
		assertThat(findings).extracting(Finding::severity).containsOnly(Severity.HIGH);
		assertThat(findings).extracting(f -> f.accounts().get(0), Finding::count)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("WIN\\Admin", 9L),
					org.assertj.core.groups.Tuple.tuple("WIN\\Administrator", 7L));
		Finding admin = findings.stream().filter(f -> f.count() == 9).findFirst().orElseThrow();
		assertThat(admin.sources()).isEmpty();
		assertThat(admin.hosts()).containsExactly("WIN");
		assertThat(admin.first()).isEqualTo(start);
		assertThat(admin.summary()).startsWith("アカウント WIN\\Admin に対して 2023/09/26 05:39:50")
			.contains("9 回のログオン失敗", "送信元アドレスの記録なし", "総当たり");
	}

	@Test
	void treatsTheSpellingsOfOneAccountAsOne() {
		// mitre_4625-openssh-bruteforce: the UPN form and the NetBIOS form are one
		// account
		Instant start = at("2021-05-21T20:43:22Z");
		List<LogEvent> events = series(start, Duration.ofSeconds(7), 5,
				(i, t) -> Events.logon(t, EventKind.AUTH_FAILURE, i < 2 ? "OFFSEC\\admmig" : "admmig@offsec.lan", 8)
					.host("fs01.offsec.lan")
					.build());

		List<Finding> findings = run(rule, events);

		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.count()).isEqualTo(5);
			assertThat(f.accounts()).containsExactly("OFFSEC\\admmig");
			assertThat(f.first()).isEqualTo(start);
			assertThat(f.last()).isEqualTo(at("2021-05-21T20:43:50Z"));
			assertThat(f.evidence()).hasSize(5);
		});
	}

	@ParameterizedTest(name = "{0} failures, {1} ms apart: fires {2}")
	@CsvSource({ "5, 150000, true", // 4 gaps = exactly the 10-minute window
			"5, 150001, false", // just over the window
			"4, 1000, false", // threshold - 1
			"6, 120000, true", // more than the threshold
			"20, 1000000, false" // many, but never five in ten minutes
	})
	void firesOnlyForThresholdFailuresWithinTheWindow(int count, long gapMillis, boolean fires) {
		List<LogEvent> events = series(at("2025-01-06T00:00:00Z"), Duration.ofMillis(gapMillis), count,
				(i, t) -> failure(t, "tanaka").build());

		assertThat(run(rule, events)).hasSize(fires ? 1 : 0);
	}

	@Test
	void slidesTheWindowOverTheFailures() {
		// fixed ten-minute buckets would see 1 and 4; the sliding window sees 5 in 3–13
		// min
		Instant start = at("2025-01-06T00:00:00Z");
		List<LogEvent> events = java.util.stream.Stream.of(0, 540, 630, 660, 720, 780)
			.map(s -> failure(start.plusSeconds(s), "tanaka").build())
			.toList();

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.count()).isEqualTo(6);
			assertThat(f.first()).isEqualTo(start);
			// the evidence is the burst itself
			assertThat(f.evidence()).extracting(LogEvent::time)
				.containsExactly(start.plusSeconds(540), start.plusSeconds(630), start.plusSeconds(660),
						start.plusSeconds(720), start.plusSeconds(780));
		});
	}

	@Test
	void countsEveryFailureOfTheAccountAndNamesTheSources() {
		// loghub OpenSSH: root ×370 from many addresses over the morning (JST shown)
		Instant start = at("2024-12-09T21:55:46Z");
		Instant end = at("2024-12-10T02:04:45Z");
		long gap = Duration.between(start, end).toMillis() / 369;
		List<LogEvent> events = series(start, Duration.ofMillis(gap), 370,
				(i, t) -> Events
					.sshFailure(i == 369 ? end : t, "root", i < 300 ? "183.62.140.253" : "10.0.0." + (i % 19))
					.build());

		List<Finding> findings = run(rule, events);

		assertThat(findings).singleElement().satisfies(f -> {
			assertThat(f.count()).isEqualTo(370);
			assertThat(f.sources()).hasSize(20).first().isEqualTo("183.62.140.253");
			assertThat(f.evidence()).hasSize(Finding.MAX_EVIDENCE);
			assertThat(f.summary()).startsWith("アカウント root に対して 2024/12/10 06:55〜11:04 に 370 回のログオン失敗がありました（送信元 20 件）。")
				.contains("パスワードの総当たり攻撃の可能性があります");
		});
	}

	@Test
	void listsTheMostFrequentSourcesOnly() {
		List<LogEvent> events = series(at("2025-01-06T00:00:00Z"), Duration.ofMillis(100), 1000,
				(i, t) -> Events
					.sshFailure(t, "root", i < 500 ? "198.51.100.1" : "203.0." + (i / 250) + "." + (i % 250))
					.build());

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.sources()).hasSize(FindingDraft.MAX_NAMES).first().isEqualTo("198.51.100.1");
			assertThat(f.summary()).contains("送信元 501 件");
		});
	}

	@Test
	void countsEarlierFailuresOfAnAccountThatLaterFires() {
		List<LogEvent> events = Events.all(List.of(failure(at("2025-01-05T09:00:00Z"), "sato").build()),
				series(at("2025-01-06T09:00:00Z"), Duration.ofSeconds(10), 5, (i, t) -> failure(t, "sato").build()));

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.count()).isEqualTo(6);
			assertThat(f.first()).isEqualTo(at("2025-01-05T09:00:00Z"));
		});
	}

	@Test
	void ignoresMachineAndServiceAccountsAndDatabaseLogins() {
		List<LogEvent> events = Events.all(
				series(at("2025-01-06T00:00:00Z"), Duration.ofSeconds(1), 10,
						(i, t) -> failure(t, "OFFSEC\\FS01$").build()),
				series(at("2025-01-06T00:00:00Z"), Duration.ofSeconds(1), 10,
						(i, t) -> failure(t, "ANONYMOUS LOGON").build()),
				series(at("2025-01-06T00:00:00Z"), Duration.ofSeconds(1), 10,
						(i, t) -> failure(t, "sa").access(Access.DATABASE).build()),
				series(at("2025-01-06T00:00:00Z"), Duration.ofSeconds(1), 10, (i, t) -> failure(t, null).build()));

		assertThat(run(rule, events)).isEmpty();
	}

	@Test
	void ignoresSuccesses() {
		List<LogEvent> events = series(at("2025-01-06T00:00:00Z"), Duration.ofSeconds(1), 10,
				(i, t) -> Events.success(t, "tanaka").build());

		assertThat(run(rule, events)).isEmpty();
	}

	@Test
	void followsConfiguredThresholds() {
		List<LogEvent> events = series(at("2025-01-06T00:00:00Z"), Duration.ofMinutes(1), 3,
				(i, t) -> failure(t, "tanaka").build());

		assertThat(run(rule, Events.thresholds(3, Duration.ofMinutes(2)), AccountDirectory.none(), events))
			.singleElement()
			.satisfies(f -> assertThat(f.summary()).contains("2 分以内に 3 回以上"));
		assertThat(run(rule, Events.thresholds(3, Duration.ofSeconds(119)), AccountDirectory.none(), events)).isEmpty();
	}

}
