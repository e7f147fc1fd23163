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
import static jp.mamori.accesslog.rule.Events.run;
import static jp.mamori.accesslog.rule.Events.series;
import static jp.mamori.accesslog.rule.Events.sqlFailure;
import static org.assertj.core.api.Assertions.assertThat;

class SqlLoginFailuresRuleTests {

	final SqlLoginFailuresRule rule = new SqlLoginFailuresRule();

	static final Instant START = at("2019-11-04T13:46:01.170Z");

	static final List<String> LOGINS = List.of("sa", "root", "##MS_PolicyEventProcessingLogin##",
			"##MS_PolicyTsqlExecutionLogin##", "##MS_AgentSigningCertificate##", "##MS_SQLResourceSigningCertificate##",
			"##MS_SQLReplicationSigningCertificate##", "##MS_SQLAuthenticatorCertificate##",
			"##MS_PolicySigningCertificate##", "##MS_SmoExtendedSigningCertificate##");

	@Test
	void flagsABurstOfSqlServerLoginFailuresPerHost() {
		// eas_mssql-18456-failed-logons: 10 × 18456 in 110 ms from 10.0.2.17
		List<LogEvent> events = series(START, Duration.ofMillis(11), 10,
				(i, t) -> sqlFailure(t, LOGINS.get(i), "10.0.2.17").build());

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("sql-login-failures");
			assertThat(f.severity()).isEqualTo(Severity.HIGH);
			assertThat(f.count()).isEqualTo(10);
			assertThat(f.accounts()).containsExactlyElementsOf(LOGINS);
			assertThat(f.sources()).containsExactly("10.0.2.17");
			assertThat(f.hosts()).containsExactly("MSSQL01");
			assertThat(f.summary()).startsWith(
					"ホスト MSSQL01 で 2019/11/04 22:46:01 に SQL Server などのデータベースへのログイン失敗が 10 回ありました（アカウント sa、root、##MS_PolicyEventProcessingLogin##")
				.contains("ほか 5 件、送信元 10.0.2.17）", "10 分以内に 5 回以上");
		});
	}

	@ParameterizedTest(name = "{0} failures, {1} s apart: fires {2}")
	@CsvSource({ "4, 1, false", "5, 150, true", "5, 151, false" })
	void needsTheThresholdWithinTheWindow(int count, long gapSeconds, boolean fires) {
		List<LogEvent> events = series(START, Duration.ofSeconds(gapSeconds), count,
				(i, t) -> sqlFailure(t, "sa", "10.0.2.17").build());

		assertThat(run(rule, events)).hasSize(fires ? 1 : 0);
	}

	@Test
	void keepsHostsApartAndIgnoresOtherFailures() {
		List<LogEvent> events = Events.all(
				series(START, Duration.ofSeconds(1), 3, (i, t) -> sqlFailure(t, "sa", "10.0.2.17").build()),
				series(START, Duration.ofSeconds(1), 3,
						(i, t) -> sqlFailure(t, "sa", "10.0.2.17").host("RECE-SV").build()),
				series(START, Duration.ofSeconds(1), 10, (i, t) -> Events.failure(t, "sa").host("MSSQL01").build()));

		assertThat(run(rule, events)).isEmpty();
	}

}
