package jp.mamori.accesslog.rule;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;

import static jp.mamori.accesslog.rule.Events.at;
import static jp.mamori.accesslog.rule.Events.run;
import static org.assertj.core.api.Assertions.assertThat;

class UnknownAccountLogonRuleTests {

	final UnknownAccountLogonRule rule = new UnknownAccountLogonRule();

	static final Instant START = at("2025-01-06T01:00:00Z");

	static final AccountDirectory LEDGER = AccountDirectory
		.of(Map.of("CLINIC\\sato", AccountDirectory.State.ACTIVE, "tanaka", AccountDirectory.State.RETIRED));

	@Test
	void flagsPeoplesLogonsOfAccountsNotInTheLedger() {
		List<LogEvent> events = List.of(Events.success(START, "CLINIC\\suzuki").build(),
				Events.success(START.plusSeconds(60), "suzuki@clinic.local").sourceAddress("10.0.0.3").build(),
				Events.success(START, "sato").build(), Events.success(START, "tanaka").build(),
				Events.success(START, "CLINIC\\PC01$").build(), Events.success(START, "SYSTEM").build(),
				Events.logon(START, EventKind.AUTH_SUCCESS, "svc-backup", 5).build(),
				Events.failure(START, "yamamoto").build());

		assertThat(run(rule, RuleSettings.defaults(), LEDGER, events)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("unknown-account-logon");
			assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
			assertThat(f.count()).isEqualTo(2);
			assertThat(f.accounts()).containsExactly("CLINIC\\suzuki");
			assertThat(f.summary()).startsWith("アカウント台帳にないアカウント CLINIC\\suzuki で 2 回のログオン成功がありました（")
				.contains("送信元 10.0.0.3");
		});
	}

	@Test
	void saysNothingWithoutALedger() {
		assertThat(run(rule, List.of(Events.success(START, "suzuki").build()))).isEmpty();
	}

}
