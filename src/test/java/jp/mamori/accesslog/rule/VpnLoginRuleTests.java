package jp.mamori.accesslog.rule;

import java.util.List;

import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;

import static jp.mamori.accesslog.rule.Events.at;
import static jp.mamori.accesslog.rule.Events.run;
import static jp.mamori.accesslog.rule.Events.vpn;
import static org.assertj.core.api.Assertions.assertThat;

class VpnLoginRuleTests {

	final VpnLoginRule rule = new VpnLoginRule();

	@Test
	void listsTunnelsPerAccountAndSource() {
		// beats_fortinet_event: SSL-VPN tunnel-up, someuser from 8.8.5.4
		List<LogEvent> events = List.of(vpn(at("2019-05-15T18:03:36Z"), "someuser", "8.8.5.4").build(),
				vpn(at("2019-05-16T18:03:36Z"), "someuser", "8.8.5.4").build(),
				vpn(at("2019-05-16T19:00:00Z"), "vendor01", "203.0.113.9").build(),
				LogEvent.at(at("2019-05-16T19:00:00Z"), EventKind.SESSION_END).user("someuser").build(),
				Events.rdp(at("2019-05-16T19:00:00Z"), "someuser", "8.8.5.4").build());

		List<Finding> findings = run(rule, events);

		assertThat(findings).hasSize(2);
		assertThat(findings.get(0)).satisfies(f -> {
			assertThat(f.rule()).isEqualTo("vpn-login");
			assertThat(f.severity()).isEqualTo(Severity.INFO);
			assertThat(f.count()).isEqualTo(2);
			assertThat(f.accounts()).containsExactly("someuser");
			assertThat(f.sources()).containsExactly("8.8.5.4");
			assertThat(f.hosts()).containsExactly("FGT60E");
			assertThat(f.summary())
				.startsWith("アカウント someuser が送信元 8.8.5.4 から VPN で 2 回接続しました（2019/05/16 03:03〜2019/05/17 03:03）。");
		});
	}

}
