package jp.mamori.accesslog.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static jp.mamori.accesslog.rule.Events.at;
import static jp.mamori.accesslog.rule.Events.created;
import static jp.mamori.accesslog.rule.Events.deleted;
import static jp.mamori.accesslog.rule.Events.run;
import static org.assertj.core.api.Assertions.assertThat;

class AccountCreatedAndDeletedRuleTests {

	final AccountCreatedAndDeletedRule rule = new AccountCreatedAndDeletedRule();

	@Test
	void flagsAnAccountDeletedSecondsAfterItsCreation() {
		// mitre_4720-4726-fast-create-delete: created 05:10:08, deleted 05:11:26
		String sid = "S-1-5-21-4230534742-2542757381-3142984815-1111";
		List<LogEvent> events = List.of(
				created(at("2020-07-12T05:10:08Z"), "OFFSEC\\admin-kriss", sid, "OFFSEC\\lambda-user")
					.host("rootdc1.offsec.lan")
					.build(),
				deleted(at("2020-07-12T05:11:26Z"), "OFFSEC\\admin-kriss", sid, "OFFSEC\\lambda-user")
					.host("rootdc1.offsec.lan")
					.build());

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("account-created-and-deleted");
			assertThat(f.severity()).isEqualTo(Severity.HIGH);
			assertThat(f.count()).isEqualTo(2);
			assertThat(f.accounts()).containsExactly("OFFSEC\\admin-kriss", "OFFSEC\\lambda-user");
			assertThat(f.first()).isEqualTo(at("2020-07-12T05:10:08Z"));
			assertThat(f.last()).isEqualTo(at("2020-07-12T05:11:26Z"));
			assertThat(f.summary()).startsWith(
					"アカウント OFFSEC\\admin-kriss が 2020/07/12 14:10:08 に作成され、78 秒後の 2020/07/12 14:11:26 に削除されました（作成者 OFFSEC\\lambda-user、削除者 OFFSEC\\lambda-user、ホスト rootdc1.offsec.lan）。");
		});
	}

	@ParameterizedTest(name = "deleted {0} s after creation: fires {1}")
	@CsvSource({ "86400, true", "86401, false", "0, true" })
	void looksOnlyWithinTheWindow(long seconds, boolean fires) {
		Instant createdAt = at("2025-01-06T00:00:00Z");
		List<LogEvent> events = List.of(created(createdAt, "temp", null, "admin").build(),
				deleted(createdAt.plusSeconds(seconds), "temp", null, "admin").build());

		assertThat(run(rule, events)).hasSize(fires ? 1 : 0);
	}

	@Test
	void matchesBySidWhenTheNameChanged() {
		List<LogEvent> events = List.of(created(at("2025-01-06T00:00:00Z"), "temp", "S-1-5-21-9-9-9-1200", "x").build(),
				deleted(at("2025-01-06T00:10:00Z"), "renamed", "s-1-5-21-9-9-9-1200", "x").build());

		assertThat(run(rule, events)).singleElement()
			.satisfies(f -> assertThat(f.summary()).contains("アカウント temp が", "600 秒後"));
	}

	@Test
	void ignoresDeletionsOfAccountsNotCreatedInTheLogAndRepeatedDeletions() {
		List<LogEvent> events = List.of(deleted(at("2025-01-06T00:00:00Z"), "old-staff", null, "admin").build(),
				created(at("2025-01-06T01:00:00Z"), "temp", null, "admin").build(),
				deleted(at("2025-01-06T01:01:00Z"), "temp", null, "admin").build(),
				deleted(at("2025-01-06T01:02:00Z"), "temp", null, "admin").build());

		assertThat(run(rule, events)).hasSize(1);
	}

	@Test
	void keepsCreationsWithinTheWindowWhileLettingOldOnesGo() {
		Instant start = at("2025-01-06T00:00:00Z");
		// enough events in between for the rule to tidy its memory
		List<LogEvent> events = Events.all(
				List.of(created(start.minus(Duration.ofDays(2)), "old", null, "admin").build(),
						created(start, "temp", null, "admin").build()),
				Events.series(start.plusSeconds(1), Duration.ofMillis(1), 70_000,
						(i, t) -> Events.success(t, "user" + (i % 10)).build()),
				List.of(deleted(start.plus(Duration.ofMinutes(2)), "temp", null, "admin").build(),
						deleted(start.plus(Duration.ofMinutes(3)), "old", null, "admin").build()));

		assertThat(run(rule, events)).singleElement()
			.satisfies(f -> assertThat(f.summary()).contains("アカウント temp が", "120 秒後"));
	}

}
