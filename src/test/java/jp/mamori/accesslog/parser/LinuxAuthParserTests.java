package jp.mamori.accesslog.parser;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.mamori.support.SharedSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LinuxAuthParserTests {

	private final LinuxAuthParser parser = new LinuxAuthParser();

	@Test
	void reproducesTheOpenSshSampleGroundTruth() {
		ParseContext january = new ParseContext("loghub_OpenSSH_2k.log", ParseContext.JAPAN, LocalDate.of(2025, 1, 15));
		ParsedLog log = ParsedLog.of(parser, SharedSamples.sample("linux-auth/loghub_OpenSSH_2k.log"), january);

		assertThat(log.stats().events()).isEqualTo(2000);
		assertThat(log.stats().skipped()).isZero();
		assertThat(log.stats().hosts()).containsExactly("LabSZ");

		List<LogEvent> failures = log.kind(EventKind.AUTH_FAILURE);
		assertThat(failures).hasSize(520).allSatisfy(e -> {
			assertThat(e.access()).isEqualTo(Access.REMOTE_SHELL);
			assertThat(e.status()).isEqualTo("Failed password");
		});
		List<LogEvent> existing = failures.stream().filter(e -> !e.data().containsKey("invalidUser")).toList();
		List<LogEvent> invalid = failures.stream().filter(e -> e.data().containsKey("invalidUser")).toList();
		assertThat(existing).hasSize(385);
		assertThat(invalid).hasSize(135);
		assertThat(counts(existing, LogEvent::user)).containsEntry("root", 370L)
			.containsEntry("uucp", 5L)
			.containsEntry("git", 3L)
			.containsEntry("ftp", 3L)
			.containsEntry("sshd", 2L)
			.containsEntry("mysql", 2L);
		assertThat(counts(invalid, LogEvent::user)).containsEntry("admin", 44L)
			.containsKeys("support", "oracle", "test", "0101");

		Map<String, Long> sources = counts(failures, LogEvent::sourceAddress);
		assertThat(sources).hasSize(23)
			.containsEntry("183.62.140.253", 286L)
			.containsEntry("187.141.143.180", 80L)
			.containsEntry("103.99.0.122", 46L)
			.containsEntry("112.95.230.3", 26L);

		assertThat(log.kind(EventKind.AUTH_SUCCESS)).singleElement().satisfies(success -> {
			assertThat(success.user()).isEqualTo("fztu");
			assertThat(success.sourceAddress()).isEqualTo("119.137.62.142");
			// Dec 10 09:32:20 in Japan, read in January 2025: December of 2024
			assertThat(success.time()).isEqualTo(Instant.parse("2024-12-10T00:32:20Z"));
			assertThat(sources).doesNotContainKey("119.137.62.142");
		});

		assertThat(log.events().stream().filter(e -> "Invalid user".equals(e.status()))).hasSize(113);
		assertThat(log.events().stream().filter(e -> e.data().containsKey("breakInAttempt"))).hasSize(85);
		assertThat(log.events().stream().filter(e -> "authentication failure".equals(e.data().get("pam")))).hasSize(494)
			.allSatisfy(e -> assertThat(e.kind()).isEqualTo(EventKind.OTHER));
		assertThat(log.events().stream().filter(e -> "5".equals(e.data().get("repeated")))).hasSize(2);
	}

	@Test
	void readsTheTwoSpaceNumericUserOfTheSample() {
		ParseContext january = new ParseContext("loghub_OpenSSH_2k.log", ParseContext.JAPAN, LocalDate.of(2025, 1, 15));
		ParsedLog log = ParsedLog.of(parser, SharedSamples.sample("linux-auth/loghub_OpenSSH_2k.log"), january);

		assertThat(log.events().stream().filter(e -> e.recordNumber() == 189)).singleElement().satisfies(e -> {
			assertThat(e.kind()).isEqualTo(EventKind.AUTH_FAILURE);
			assertThat(e.user()).isEqualTo("0101");
			assertThat(e.sourceAddress()).isEqualTo("5.188.10.180");
			assertThat(e.data()).containsEntry("invalidUser", "true").containsEntry("port", "36279");
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null",
			textBlock = """
					Jun 15 09:00:01 h sshd[1]: Failed password for invalid user  0101 from 5.188.10.180 port 36279 ssh2 | AUTH_FAILURE | 0101 | 5.188.10.180
					Jun 15 09:00:01 h sshd[1]: Failed password for root from 203.0.113.7 port 22 ssh2 | AUTH_FAILURE | root | 203.0.113.7
					Jun 15 09:00:01 h sshd[1]: Failed keyboard-interactive/pam for bob from 2001:db8::7 port 22 ssh2 | AUTH_FAILURE | bob | 2001:db8::7
					Jun 15 09:00:01 h sshd[1]: Failed none for invalid user bob from 203.0.113.7 port 22 ssh2 | OTHER | bob | 203.0.113.7
					Jun 15 09:00:01 h sshd[1]: Accepted publickey for alice from 192.0.2.1 port 5000 ssh2: ED25519 SHA256:x | AUTH_SUCCESS | alice | 192.0.2.1
					Jun 15 09:00:01 h sshd[1]: Invalid user webmaster from 173.234.31.186 | OTHER | webmaster | 173.234.31.186
					Jun 15 09:00:01 h sshd[1]: Connection closed by 203.0.113.7 port 4000 [preauth] | OTHER | null | 203.0.113.7
					Jun 15 09:00:01 h sshd[1]: Connection closed by invalid user admin 203.0.113.7 port 4000 [preauth] | OTHER | admin | 203.0.113.7
					Jun 15 09:00:01 h sshd[1]: reverse mapping checking getaddrinfo for x.example [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT! | OTHER | null | 173.234.31.186
					Jun 15 09:00:01 h sshd[1]: Disconnected from user alice 192.0.2.1 port 5000 | SESSION_END | alice | 192.0.2.1
					Jun 15 09:00:01 h sshd[1]: Received disconnect from 203.0.113.7 port 4000:11: Bye Bye [preauth] | OTHER | null | 203.0.113.7
					Jun 15 09:00:01 h sshd[1]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=203.0.113.7  user=root | OTHER | root | 203.0.113.7
					Jun 15 09:00:01 h sshd[1]: pam_unix(sshd:session): session closed for user alice | SESSION_END | alice | null
					Jun 15 09:00:01 h su[9]: Successful su for root by alice | PRIVILEGE_USE | root | null
					Jun 15 09:00:01 h su[9]: FAILED su for root by alice | AUTH_FAILURE | root | null
					Jun 15 09:00:01 h sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash | PRIVILEGE_USE | alice | null
					Jun 15 09:00:01 h sudo:    alice : 3 incorrect password attempts ; TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls | AUTH_FAILURE | alice | null
					Jun 15 09:00:01 h useradd[3]: new user: name=bob, UID=1001, GID=1001, home=/home/bob, shell=/bin/bash | ACCOUNT_CREATED | bob | null
					Jun 15 09:00:01 h userdel[4]: delete user 'bob' | ACCOUNT_DELETED | bob | null
					Jun 15 09:00:01 h systemd[1]: Started Session 3 of user alice. | OTHER | null | null
					""")
	void mapsEachLine(String line, EventKind kind, String user, String source) {
		LogEvent event = ParsedLog.line(parser, line);

		assertThat(event.kind()).isEqualTo(kind);
		assertThat(event.user()).isEqualTo(user);
		assertThat(event.sourceAddress()).isEqualTo(source);
		assertThat(event.host()).isEqualTo("h");
	}

	@Test
	void readsTheFixtureWithRfc5424AndIsoHeadersAndNoFinalNewline() {
		ParsedLog log = ParsedLog.fixture(parser, "linux-secure.log");

		assertThat(log.stats().skipped()).isZero();
		assertThat(log.stats().events()).isEqualTo(16);
		assertThat(log.stats().hosts()).containsExactlyInAnyOrder("web01", "web02", "web03");
		assertThat(log.kind(EventKind.AUTH_FAILURE)).extracting(LogEvent::user)
			.containsExactly("oracle", "root", "admin");
		assertThat(log.kind(EventKind.AUTH_SUCCESS)).extracting(LogEvent::user, LogEvent::time)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("tanaka", Instant.parse("2025-06-15T00:01:00Z")),
					org.assertj.core.groups.Tuple.tuple("sato", Instant.parse("2025-06-15T00:08:00Z")));
		assertThat(log.kind(EventKind.AUTH_FAILURE).get(2).time()).isEqualTo(Instant.parse("2025-06-15T00:07:00.123Z"));
		assertThat(log.kind(EventKind.PRIVILEGE_USE)).hasSize(2);
		assertThat(log.kind(EventKind.PRIVILEGE_USE).get(0).target()).isEqualTo("/usr/bin/systemctl restart nginx");
		assertThat(log.kind(EventKind.PRIVILEGE_USE).get(0).data()).containsEntry("runAs", "root");
		assertThat(log.kind(EventKind.ACCOUNT_CREATED)).extracting(LogEvent::user).containsExactly("suzuki");
		assertThat(log.kind(EventKind.ACCOUNT_DELETED)).extracting(LogEvent::user).containsExactly("suzuki");
		assertThat(log.kind(EventKind.SESSION_END)).hasSize(2);
		assertThat(log.events().get(log.events().size() - 1).recordNumber()).isEqualTo(16);
	}

	@Test
	void infersTheYearFromTheReferenceDate() {
		String line = "Dec 31 23:59:59 h sshd[1]: Accepted password for a from 192.0.2.1 port 1 ssh2";
		ParseContext january = new ParseContext(null, java.time.ZoneOffset.UTC, LocalDate.of(2026, 1, 2));
		ParseContext december = new ParseContext(null, java.time.ZoneOffset.UTC, LocalDate.of(2025, 12, 31));

		LogEvent readInJanuary = ParsedLog.of(parser, stream(line), january).events().get(0);
		LogEvent readInDecember = ParsedLog.of(parser, stream(line), december).events().get(0);

		assertThat(readInJanuary.time()).isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));
		assertThat(readInDecember.time()).isEqualTo(Instant.parse("2025-12-31T23:59:59Z"));
	}

	@Test
	void skipsAndCountsLinesWithoutASyslogHeader() {
		ParsedLog log = ParsedLog.text(parser,
				"garbage line\r\nJun 15 09:00:01 h sshd[1]: Failed password for root from 203.0.113.7 port 22 ssh2\n\nJun 99 xx\n");

		assertThat(log.stats().events()).isEqualTo(1);
		assertThat(log.stats().skipped()).isEqualTo(2);
		assertThat(log.events().get(0).recordNumber()).isEqualTo(2);
	}

	private static java.io.InputStream stream(String text) {
		return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static Map<String, Long> counts(List<LogEvent> events, Function<LogEvent, String> key) {
		return events.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
	}

}
