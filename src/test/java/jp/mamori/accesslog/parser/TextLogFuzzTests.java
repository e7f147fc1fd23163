package jp.mamori.accesslog.parser;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import jp.mamori.support.SharedSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Seeded random damage (truncation, flipped bytes, inserted garbage, a 1 MB line) to
 * every fixture and shared sample, read by every text parser: no exception escapes, bad
 * lines are counted as skipped, and no event keeps an unbounded field.
 */
class TextLogFuzzTests {

	private static final List<String> FIXTURES = List.of("linux-secure.log", "fortigate.log", "asa.log",
			"rtx-syslog.log", "rtx-show-log.txt", "pfirewall.log", "u_ex250615.log", "access_log", "nginx-error.log",
			"catalina.2025-06-15.log", "apache24-error.log");

	private static final int ROUNDS = 12;

	private final List<LogParser> parsers = List.of(new LinuxAuthParser(), new FortiGateParser(), new AsaParser(),
			new RtxParser(), new WindowsFirewallParser(), new IisParser(), new ClfParser(), new ErrorLogParser());

	@Test
	void fixturesSurviveRandomDamage() {
		for (String fixture : FIXTURES) {
			survives(fixture, ParsedLog.fixtureBytes(fixture));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "linux-auth/loghub_OpenSSH_2k.log", "fw-syslog/beats_fortinet_event.log",
			"web-access/eas_tomcat_localhost_access_log.txt", "web-access/loghub_Apache_2k_error.log" })
	void sharedSamplesSurviveRandomDamage(String sample) throws IOException {
		Path path = SharedSamples.sample(sample);
		survives(sample, Files.readAllBytes(path));
	}

	@Test
	void aOneMegabyteLineIsSkippedByEveryParser() {
		byte[] huge = new byte[1024 * 1024];
		Arrays.fill(huge, (byte) 'x');
		for (LogParser parser : parsers) {
			ParsedLog log = ParsedLog.of(parser, new ByteArrayInputStream(huge), ParsedLog.CONTEXT);

			assertThat(log.stats().skipped()).as(parser.format().id()).isEqualTo(1);
			assertThat(log.stats().events()).as(parser.format().id()).isZero();
		}
	}

	@Test
	void emptyAndBinaryInputGiveNoEvents() {
		byte[] binary = new byte[4096];
		new Random(7).nextBytes(binary);
		for (LogParser parser : parsers) {
			assertThat(ParsedLog.of(parser, new ByteArrayInputStream(new byte[0]), ParsedLog.CONTEXT).events())
				.isEmpty();
			assertThatCode(() -> ParsedLog.of(parser, new ByteArrayInputStream(binary), ParsedLog.CONTEXT))
				.doesNotThrowAnyException();
		}
	}

	private void survives(String name, byte[] original) {
		Random random = new Random(name.hashCode());
		for (int round = 0; round < ROUNDS; round++) {
			byte[] damaged = damage(original, random, round);
			long lines = countLines(damaged);
			for (LogParser parser : parsers) {
				ParsedLog log = ParsedLog.of(parser, new ByteArrayInputStream(damaged), ParsedLog.CONTEXT);

				assertThat(log.stats().events() + log.stats().skipped())
					.as("%s round %d by %s", name, round, parser.format().id())
					.isLessThanOrEqualTo(lines);
				assertThat(log.events()).allSatisfy(e -> {
					assertThat(e.time()).isNotNull();
					assertThat(longest(e)).isLessThanOrEqualTo(LineReader.MAX_LINE);
				});
			}
		}
	}

	private static byte[] damage(byte[] original, Random random, int round) {
		byte[] bytes = original.clone();
		switch (round % 4) {
			case 0 -> {
				return Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
			}
			case 1 -> {
				for (int i = 0; i < 1 + bytes.length / 50; i++) {
					int at = random.nextInt(bytes.length);
					bytes[at] = (byte) (bytes[at] ^ (1 << random.nextInt(8)));
				}
				return bytes;
			}
			case 2 -> {
				byte[] garbage = new byte[1 + random.nextInt(200)];
				random.nextBytes(garbage);
				return insert(bytes, random.nextInt(bytes.length + 1), garbage);
			}
			default -> {
				byte[] line = new byte[1024 * 1024 + 2];
				for (int i = 0; i < line.length - 2; i++) {
					line[i] = (byte) ('!' + random.nextInt(90));
				}
				line[line.length - 2] = '\r';
				line[line.length - 1] = '\n';
				return insert(bytes, lineStart(bytes, random.nextInt(bytes.length + 1)), line);
			}
		}
	}

	private static int lineStart(byte[] bytes, int at) {
		int i = at;
		while (i > 0 && bytes[i - 1] != '\n') {
			i--;
		}
		return i;
	}

	private static byte[] insert(byte[] bytes, int at, byte[] extra) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + extra.length);
		out.write(bytes, 0, at);
		out.write(extra, 0, extra.length);
		out.write(bytes, at, bytes.length - at);
		return out.toByteArray();
	}

	/** An upper bound of the lines a reader can find: every CR and LF ends one. */
	private static long countLines(byte[] bytes) {
		long count = 1;
		for (byte b : bytes) {
			if (b == '\n' || b == '\r') {
				count++;
			}
		}
		return count;
	}

	private static int longest(LogEvent event) {
		List<String> values = new ArrayList<>(Arrays.asList(event.host(), event.user(), event.subjectUser(),
				event.sourceAddress(), event.target(), event.process(), event.status(), event.channel()));
		values.addAll(event.data().values());
		return values.stream().mapToInt(v -> v == null ? 0 : v.length()).max().orElse(0);
	}

}
