package jp.mamori.accesslog.rule;

import java.util.List;

import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static jp.mamori.accesslog.rule.Events.at;
import static jp.mamori.accesslog.rule.Events.logon;
import static jp.mamori.accesslog.rule.Events.run;
import static org.assertj.core.api.Assertions.assertThat;

class RdpLoopbackRuleTests {

	final RdpLoopbackRule rule = new RdpLoopbackRule();

	@Test
	void flagsRemoteDesktopFromLoopbackButNotConsoleLogons() {
		// eas_rdp-tunneling-4624: IEUser type 2 ×2 and type 10 ×1 from 127.0.0.1,
		// service and anonymous logons around them
		List<LogEvent> events = List.of(
				logon(at("2019-02-13T15:14:52Z"), EventKind.AUTH_SUCCESS, "NT AUTHORITY\\SYSTEM", 5).build(),
				logon(at("2019-02-13T15:20:00Z"), EventKind.AUTH_SUCCESS, "ANONYMOUS LOGON", 3)
					.sourceAddress("10.0.2.17")
					.build(),
				logon(at("2019-02-13T15:25:11Z"), EventKind.AUTH_SUCCESS, "PC02\\IEUser", 2).sourceAddress("127.0.0.1")
					.build(),
				logon(at("2019-02-13T15:25:12Z"), EventKind.AUTH_SUCCESS, "PC02\\IEUser", 2).sourceAddress("127.0.0.1")
					.build(),
				logon(at("2019-02-13T15:25:13Z"), EventKind.AUTH_SUCCESS, "PC02\\IEUser", 10).host("PC02.example.corp")
					.sourceAddress("127.0.0.1")
					.build(),
				logon(at("2019-02-13T15:31:31Z"), EventKind.AUTH_SUCCESS, "DWM-2", 10).sourceAddress("127.0.0.1")
					.build());

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("rdp-loopback");
			assertThat(f.severity()).isEqualTo(Severity.HIGH);
			assertThat(f.count()).isEqualTo(1);
			assertThat(f.accounts()).containsExactly("PC02\\IEUser");
			assertThat(f.sources()).containsExactly("127.0.0.1");
			assertThat(f.summary()).startsWith(
					"アカウント PC02\\IEUser がループバックアドレス（127.0.0.1）からリモートデスクトップでログオンしました（2019/02/14 00:25:13、1 回、ホスト PC02.example.corp）。")
				.contains("トンネル");
		});
	}

	@ParameterizedTest(name = "1149 from {0}: fires {1}")
	@CsvSource({ "127.0.0.1, true", "127.0.1.1, true", "::1, true", "10.0.2.15, false",
			"fe80::80ac:4126:fa58:1b81%10, false", "'', false" })
	void readsRemoteConnectionManagerLogons(String source, boolean fires) {
		List<LogEvent> events = List.of(Events.rdp1149(at("2019-02-13T15:00:00Z"), "EXAMPLE\\admin01", source).build());

		assertThat(run(rule, events)).hasSize(fires ? 1 : 0);
	}

	@Test
	void ignoresFailures() {
		List<LogEvent> events = List
			.of(logon(at("2019-02-13T15:00:00Z"), EventKind.AUTH_FAILURE, "IEUser", 10).sourceAddress("127.0.0.1")
				.build());

		assertThat(run(rule, events)).isEmpty();
	}

}
