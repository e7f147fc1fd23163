package jp.mamori.accesslog.rule;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import jp.mamori.accesslog.parser.Access;
import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static jp.mamori.accesslog.rule.Events.run;
import static org.assertj.core.api.Assertions.assertThat;

class OffHoursLogonRuleTests {

	final OffHoursLogonRule rule = new OffHoursLogonRule();

	static final ZoneId JST = ZoneId.of("Asia/Tokyo");

	static LogEvent consoleLogon(String jst, String user) {
		return Events.logon(LocalDateTime.parse(jst).atZone(JST).toInstant(), EventKind.AUTH_SUCCESS, user, 2).build();
	}

	// 2025-01-06 is a Monday; business hours by default Mon–Sat 08:00–19:00 JST
	@ParameterizedTest(name = "{0} JST: off hours {1}")
	@CsvSource({ "2025-01-06T07:59:59, true", "2025-01-06T08:00:00, false", "2025-01-06T18:59:59, false",
			"2025-01-06T19:00:00, true", "2025-01-07T02:30:00, true", "2025-01-11T12:00:00, false",
			"2025-01-12T12:00:00, true" })
	void readsBusinessHoursAndDaysInJapaneseTime(String jst, boolean off) {
		assertThat(run(rule, List.of(consoleLogon(jst, "tanaka")))).hasSize(off ? 1 : 0);
	}

	@Test
	void listsOffHoursLogonsPerAccount() {
		List<LogEvent> events = List.of(consoleLogon("2025-01-06T22:00:00", "CLINIC\\tanaka"),
				consoleLogon("2025-01-07T23:30:00", "tanaka"), consoleLogon("2025-01-07T10:00:00", "tanaka"),
				Events
					.vpn(LocalDateTime.parse("2025-01-12T03:00:00").atZone(JST).toInstant(), "vendor01", "203.0.113.9")
					.build());

		List<Finding> findings = run(rule, events);

		assertThat(findings).hasSize(2);
		assertThat(findings.get(0)).satisfies(f -> {
			assertThat(f.rule()).isEqualTo("off-hours-logon");
			assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
			assertThat(f.count()).isEqualTo(2);
			assertThat(f.summary()).isEqualTo(
					"アカウント CLINIC\\tanaka が業務時間外（業務時間は 月〜土 08:00〜19:00）に 2 回ログオンしました（2025/01/06 22:00〜2025/01/07 23:30、送信元アドレスの記録なし）。本人の業務によるものか確認してください。");
		});
		assertThat(findings.get(1).accounts()).containsExactly("vendor01");
	}

	@Test
	void leavesOutNetworkAndServiceLogonsAndSystemAccounts() {
		var night = LocalDateTime.parse("2025-01-06T23:00:00").atZone(JST).toInstant();
		List<LogEvent> events = List.of(Events.success(night, "tanaka").build(),
				Events.logon(night, EventKind.AUTH_SUCCESS, "svc-backup", 5).build(),
				Events.logon(night, EventKind.AUTH_SUCCESS, "SYSTEM", 2).build(),
				Events.logon(night, EventKind.AUTH_FAILURE, "tanaka", 2).build());

		assertThat(run(rule, events)).isEmpty();
	}

	@ParameterizedTest(name = "{0}: access {1} counts {2}")
	@CsvSource({ "REMOTE_SHELL, true", "DEVICE_ADMIN, true", "REMOTE_DESKTOP, true", "VPN, true", "NETWORK, false",
			"WEB, false" })
	void coversPeoplesWaysIn(Access access, boolean counts) {
		var night = LocalDateTime.parse("2025-01-06T23:00:00").atZone(JST).toInstant();
		LogEvent event = LogEvent.at(night, EventKind.AUTH_SUCCESS).user("tanaka").access(access).build();

		assertThat(run(rule, List.of(event))).hasSize(counts ? 1 : 0);
	}

	@Test
	void followsConfiguredHoursAcrossMidnightAndZone() {
		RuleSettings nightShift = RuleSettings.defaults().withBusinessHours(LocalTime.of(22, 0), LocalTime.of(6, 0));
		assertThat(run(rule, nightShift, AccountDirectory.none(), List.of(consoleLogon("2025-01-06T23:00:00", "a"))))
			.isEmpty();
		assertThat(run(rule, nightShift, AccountDirectory.none(), List.of(consoleLogon("2025-01-06T12:00:00", "a"))))
			.hasSize(1);

		RuleSettings utc = RuleSettings.defaults().withZone(ZoneId.of("UTC"));
		// 23:00 JST is 14:00 UTC: inside business hours in UTC
		assertThat(run(rule, utc, AccountDirectory.none(), List.of(consoleLogon("2025-01-06T23:00:00", "a"))))
			.isEmpty();
	}

}
