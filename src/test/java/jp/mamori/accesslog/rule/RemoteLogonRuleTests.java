package jp.mamori.accesslog.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;

import static jp.mamori.accesslog.rule.Events.at;
import static jp.mamori.accesslog.rule.Events.rdp1149;
import static jp.mamori.accesslog.rule.Events.run;
import static jp.mamori.accesslog.rule.Events.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class RemoteLogonRuleTests {

	final RemoteLogonRule rule = new RemoteLogonRule();

	static final Instant START = at("2018-11-06T01:00:00Z");

	@Test
	void listsRemoteDesktopLogonsPerAccountAndSource() {
		// eas_rdp-1149-remoteconnectionmanager: 11 × 1149
		List<LogEvent> events = Events.all(
				series(START, Duration.ofDays(1), 6, (i, t) -> rdp1149(t, "example\\admin01", "10.0.2.15").build()),
				List.of(rdp1149(START.plusSeconds(60), "example\\admin01", "127.0.0.1").build(),
						rdp1149(START.plusSeconds(120), "example\\admin01", "fe80::80ac:4126:fa58:1b81%10").build(),
						rdp1149(START.plusSeconds(180), "ie11win7\\administrator", "10.0.2.16").build(),
						rdp1149(START.plusSeconds(240), "ie11win7\\administrator", "10.0.2.16").build(),
						rdp1149(START.plusSeconds(300), "PC01\\IEUser", "10.0.2.16").build()));

		List<Finding> findings = run(rule, events);

		assertThat(findings).extracting(f -> f.accounts().get(0), f -> f.sources().get(0), Finding::count)
			.containsExactly(tuple("example\\admin01", "10.0.2.15", 6L), tuple("example\\admin01", "127.0.0.1", 1L),
					tuple("example\\admin01", "fe80::80ac:4126:fa58:1b81%10", 1L),
					tuple("ie11win7\\administrator", "10.0.2.16", 2L), tuple("PC01\\IEUser", "10.0.2.16", 1L));
		assertThat(findings).extracting(Finding::severity).containsOnly(Severity.INFO);
		assertThat(findings.get(0).summary()).startsWith(
				"アカウント example\\admin01 が送信元 10.0.2.15 からリモートデスクトップで 6 回ログオンしました（2018/11/06 10:00〜2018/11/11 10:00）。");
	}

	@Test
	void listsVpnLogonsApartFromRemoteDesktop() {
		List<LogEvent> events = List.of(Events.vpn(START, "someuser", "8.8.5.4").build(),
				Events.rdp(START.plusSeconds(5), "someuser", "8.8.5.4").build());

		assertThat(run(rule, events)).extracting(Finding::summary)
			.anySatisfy(s -> assertThat(s).contains("VPN で 1 回"))
			.anySatisfy(s -> assertThat(s).contains("リモートデスクトップで 1 回"));
	}

	@Test
	void leavesOutOtherLogonsFailuresAndSystemAccounts() {
		List<LogEvent> events = List.of(Events.success(START, "tanaka").sourceAddress("10.0.0.5").build(),
				Events.logon(START, EventKind.AUTH_SUCCESS, "tanaka", 2).build(),
				Events.logon(START, EventKind.AUTH_FAILURE, "tanaka", 10).sourceAddress("10.0.0.5").build(),
				Events.rdp(START, "DWM-1", "10.0.0.5").build(), Events.rdp(START, "UMFD-0", "10.0.0.5").build());

		assertThat(run(rule, events)).isEmpty();
	}

}
