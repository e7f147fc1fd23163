package jp.mamori.accesslog.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jp.mamori.accesslog.parser.LogEvent;
import org.junit.jupiter.api.Test;

import static jp.mamori.accesslog.rule.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

class DetectionRulesTests {

	/** The rule ids are a contract: tests outside this repository rely on them. */
	static final List<String> IDS = List.of("brute-force", "password-spray", "success-after-failures",
			"account-created", "admin-group-added", "account-created-and-deleted", "log-cleared", "rdp-loopback",
			"remote-logon", "off-hours-logon", "retired-account-logon", "unknown-account-logon", "firewall-admin-login",
			"vpn-login", "web-admin-upload", "webshell-access", "sql-login-failures");

	@Test
	void registersEveryRuleOnceUnderItsContractedId() {
		List<DetectionRule> rules = DetectionRules.standard().all();

		assertThat(rules).extracting(DetectionRule::id)
			.containsExactlyInAnyOrderElementsOf(IDS)
			.doesNotHaveDuplicates();
		assertThat(rules).extracting(r -> r.getClass()).doesNotHaveDuplicates();
		assertThat(rules).extracting(DetectionRule::title).allSatisfy(t -> assertThat(t).isNotBlank());
	}

	@Test
	void runsAllRulesOverUnsortedEventsMostSevereFirst() {
		Instant start = at("2025-01-06T14:00:00Z");
		List<LogEvent> events = new ArrayList<>(Events.series(start, Duration.ofSeconds(1), 6,
				(i, t) -> Events.sshFailure(t, "root", "198.51.100.7").build()));
		events.add(Events.sshSuccess(start.plusSeconds(7), "root", "198.51.100.7").build());
		events.add(Events.vpn(start.plusSeconds(9), "vendor01", "203.0.113.9").build());
		java.util.Collections.reverse(events);

		List<Finding> findings = DetectionRules.standard()
			.analyse(events, RuleSettings.defaults(), AccountDirectory.none());

		assertThat(findings).extracting(Finding::rule)
			.containsExactly("brute-force", "success-after-failures", "off-hours-logon", "off-hours-logon",
					"remote-logon", "vpn-login");
		assertThat(findings).extracting(Finding::severity).isSortedAccordingTo(Enum::compareTo);
	}

}
