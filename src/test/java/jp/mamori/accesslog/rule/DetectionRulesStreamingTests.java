package jp.mamori.accesslog.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import jp.mamori.accesslog.parser.Access;
import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A million synthetic events of every kind the rules read, streamed through all rules
 * without being held in a list: the rules must finish in the test's ordinary heap, their
 * state following keys rather than events. Time is printed, never asserted.
 */
class DetectionRulesStreamingTests {

	static final int EVENTS = 1_000_000;

	@Test
	void streamsAMillionEventsThroughEveryRule() {
		DetectionRules.Analysis analysis = DetectionRules.standard()
			.start(RuleSettings.defaults(), AccountDirectory.of(Map.of("staff1", AccountDirectory.State.RETIRED,
					"staff2", AccountDirectory.State.ACTIVE, "root", AccountDirectory.State.ACTIVE)));
		SplittableRandom random = new SplittableRandom(20250106);
		Instant start = Instant.parse("2025-01-06T00:00:00Z");

		long began = System.nanoTime();
		for (int i = 0; i < EVENTS; i++) {
			analysis.accept(event(i, start.plus(Duration.ofMillis(50L * i)), random.nextInt(1 << 30)));
		}
		List<Finding> findings = analysis.finish();
		long elapsedMillis = (System.nanoTime() - began) / 1_000_000;

		Runtime runtime = Runtime.getRuntime();
		System.out.printf(
				"DetectionRulesStreamingTests: %,d events through %d rules in %,d ms (%,.0f events/s),"
						+ " %,d findings, heap in use %,d MB of max %,d MB%n",
				EVENTS, DetectionRules.standard().all().size(), elapsedMillis,
				EVENTS * 1000.0 / Math.max(1, elapsedMillis), findings.size(),
				(runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);

		assertThat(findings).extracting(Finding::rule)
			.contains("brute-force", "password-spray", "success-after-failures", "account-created", "admin-group-added",
					"account-created-and-deleted", "log-cleared", "rdp-loopback", "remote-logon", "off-hours-logon",
					"retired-account-logon", "unknown-account-logon", "firewall-admin-login", "vpn-login",
					"web-admin-upload", "webshell-access", "sql-login-failures");
		assertThat(findings).allSatisfy(f -> assertThat(f.evidence()).hasSizeLessThanOrEqualTo(Finding.MAX_EVIDENCE));
	}

	/** The i-th synthetic event: a mix shaped like a busy month of a small hospital. */
	static LogEvent event(int i, Instant t, int r) {
		String internal = "10.1." + (r % 64) + "." + (r / 64 % 250 + 1);
		String external = "203." + (r % 200) + "." + (r / 200 % 256) + "." + (r / 51200 % 250 + 1);
		return switch (i % 20) {
			// internet noise: many sources, many invented accounts, a few tries each
			case 0, 1, 2, 3, 4, 5 -> Events.sshFailure(t, "user" + (r % 50_000), external).build();
			// a handful of attackers hammering root, now and then getting in
			case 6 -> Events.sshFailure(t, "root", "198.51.100." + (r % 8)).build();
			case 7 -> r % 50 == 0 ? Events.sshSuccess(t, "root", "198.51.100." + (r % 8)).build()
					: Events.success(t, "staff" + (r % 2000)).sourceAddress(internal).build();
			case 8 -> Events.rdp(t, "staff" + (r % 300), r % 1000 == 0 ? "127.0.0.1" : internal).build();
			case 9 -> Events.vpn(t, "vendor" + (r % 50), external).build();
			case 10 -> Events.web(t, internal, "GET", "/app/page" + (r % 5000) + ".jsp?id=" + r, 200).build();
			case 11 -> Events.web(t, external, "GET", "/probe" + (r % 100_000) + ".php", 404).build();
			case 12 -> Events.sqlFailure(t, r % 2 == 0 ? "sa" : "##MS_PolicyEventProcessingLogin##", internal).build();
			case 13 -> LogEvent.at(t, EventKind.EXPLICIT_CREDENTIALS)
				.subjectUser("svc" + (r % 100))
				.user("user" + (r % 1000))
				.build();
			case 14 -> LogEvent.at(t, EventKind.AUTH_SUCCESS)
				.user("admin")
				.sourceAddress(r % 100 == 0 ? external : internal)
				.access(Access.DEVICE_ADMIN)
				.build();
			case 15 -> r % 1000 == 0 ? LogEvent.at(t, EventKind.LOG_CLEARED).subjectUser("staff1").build()
					: LogEvent.at(t, EventKind.OTHER).eventId("4663").build();
			case 16 ->
				r % 20 == 0 ? Events.created(t, "temp" + (i / 20), "S-1-5-21-1-2-3-" + (i / 20), "staff2").build()
						: Events.failure(t, "staff" + (r % 2000)).build();
			case 17 -> r % 20 == 0 ? Events.deleted(t, "temp" + (i / 20 - 1), null, "staff2").build()
					: Events.logon(t, EventKind.AUTH_SUCCESS, "staff" + (r % 2000), 2).build();
			case 18 -> r % 100 == 0 ? LogEvent.at(t, EventKind.GROUP_MEMBER_ADDED)
				.user("S-1-5-21-1-2-3-" + (i / 20 - 2))
				.target("Builtin\\Administrators")
				.subjectUser("staff2")
				.build() : Events.logon(t, EventKind.AUTH_SUCCESS, "SYSTEM", 5).build();
			default -> r % 10_000 == 0 ? Events.web(t, "192.168.9.9", "POST", "/manager/html/upload", 200).build()
					: Events.web(t, "192.168.9.9", "GET", r % 7 == 0 ? "/cmd.jsp" : "/index.jsp", 200).build();
		};
	}

}
