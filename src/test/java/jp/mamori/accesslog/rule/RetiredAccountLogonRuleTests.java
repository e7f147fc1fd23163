package jp.mamori.accesslog.rule;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;

import static jp.mamori.accesslog.rule.Events.at;
import static jp.mamori.accesslog.rule.Events.run;
import static jp.mamori.accesslog.rule.Events.sshFailure;
import static jp.mamori.accesslog.rule.Events.sshSuccess;
import static org.assertj.core.api.Assertions.assertThat;

class RetiredAccountLogonRuleTests {

	final RetiredAccountLogonRule rule = new RetiredAccountLogonRule();

	static final Instant START = at("2025-01-06T01:00:00Z");

	static final AccountDirectory LEDGER = AccountDirectory
		.of(Map.of("tanaka", AccountDirectory.State.RETIRED, "sato", AccountDirectory.State.ACTIVE));

	@Test
	void flagsLogonsOfAccountsOfPeopleWhoLeftWithTheirFailures() {
		List<LogEvent> events = List.of(sshFailure(START, "tanaka", "10.0.0.8").build(),
				sshFailure(START.plusSeconds(5), "TANAKA", "10.0.0.8").build(),
				sshSuccess(START.plusSeconds(9), "CLINIC\\Tanaka", "10.0.0.8").build(),
				Events.success(START.plusSeconds(3600), "tanaka@clinic.local").build(),
				sshSuccess(START, "sato", "10.0.0.9").build());

		assertThat(run(rule, RuleSettings.defaults(), LEDGER, events)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("retired-account-logon");
			assertThat(f.severity()).isEqualTo(Severity.HIGH);
			assertThat(f.count()).isEqualTo(2);
			assertThat(f.evidence()).hasSize(4);
			assertThat(f.accounts()).first().isEqualTo("tanaka");
			assertThat(f.summary()).contains("退職・利用終了", "2 回のログオン成功", "ログオン失敗が 2 回", "無効");
		});
	}

	@Test
	void saysNothingForFailuresAloneOrWithoutLedger() {
		assertThat(run(rule, RuleSettings.defaults(), LEDGER, List.of(sshFailure(START, "tanaka", "10.0.0.8").build())))
			.isEmpty();
		assertThat(run(rule, List.of(sshSuccess(START, "tanaka", "10.0.0.8").build()))).isEmpty();
	}

}
