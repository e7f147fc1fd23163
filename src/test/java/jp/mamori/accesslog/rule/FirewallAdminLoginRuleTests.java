package jp.mamori.accesslog.rule;

import java.util.List;

import jp.mamori.accesslog.parser.Access;
import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static jp.mamori.accesslog.rule.Events.at;
import static jp.mamori.accesslog.rule.Events.run;
import static org.assertj.core.api.Assertions.assertThat;

class FirewallAdminLoginRuleTests {

	final FirewallAdminLoginRule rule = new FirewallAdminLoginRule();

	static LogEvent adminLogin(String source) {
		// beats_fortinet_event: "Administrator admin logged in successfully from ssh(…)"
		return LogEvent.at(at("2019-05-15T18:03:36Z"), EventKind.AUTH_SUCCESS)
			.host("FGT60E")
			.channel("fortigate")
			.eventId("0100032001")
			.user("admin")
			.sourceAddress(source)
			.access(Access.DEVICE_ADMIN)
			.process("ssh")
			.build();
	}

	@ParameterizedTest(name = "admin login from [{0}]: {1}")
	@CsvSource({ "172.16.200.254, MEDIUM", "10.1.100.11, MEDIUM", "192.168.1.99, MEDIUM", "127.0.0.1, MEDIUM",
			"fd00::5, MEDIUM", "'', MEDIUM", "203.0.113.45, HIGH", "172.32.0.1, HIGH", "8.8.5.4, HIGH",
			"2001:db8::1, HIGH" })
	void ratesByWhereTheLoginCameFrom(String source, Severity severity) {
		assertThat(run(rule, List.of(adminLogin(source)))).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("firewall-admin-login");
			assertThat(f.severity()).isEqualTo(severity);
			assertThat(f.summary()).contains("アカウント admin が", "管理画面に 1 回ログイン",
					severity == Severity.HIGH ? "インターネット側" : "管理者本人の操作か確認");
		});
	}

	@Test
	void listsEachAccountAndSourceOnce() {
		List<LogEvent> events = List.of(adminLogin("172.16.200.254"), adminLogin("172.16.200.254"),
				adminLogin("172.16.200.1"), Events.vpn(at("2019-05-15T18:03:36Z"), "someuser", "8.8.5.4").build());

		assertThat(run(rule, events)).extracting(Finding::count).containsExactly(2L, 1L);
	}

}
