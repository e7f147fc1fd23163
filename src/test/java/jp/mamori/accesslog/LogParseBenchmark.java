package jp.mamori.accesslog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.accesslog.parser.LogParsers;
import jp.mamori.accesslog.parser.ParseContext;
import jp.mamori.accesslog.rule.AccountDirectory;
import jp.mamori.accesslog.rule.DetectionRules;
import jp.mamori.accesslog.rule.RuleSettings;

/**
 * Parse and detection throughput over the shared samples (not a test; figures go to
 * docs/benchmarks.md). Run after {@code ./mvnw -o test-compile}:
 * {@code java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" jp.mamori.accesslog.LogParseBenchmark ../shared/samples}
 * where {@code target/cp.txt} comes from
 * {@code ./mvnw -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt}. Each
 * measurement is repeated five times after a warm-up; the median is printed.
 */
public final class LogParseBenchmark {

	private LogParseBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Path samples = Path.of(args.length > 0 ? args[0] : "../shared/samples");
		byte[] ssh = repeat(Files.readAllBytes(samples.resolve("linux-auth/loghub_OpenSSH_2k.log")), 250);
		List<byte[]> evtx = new ArrayList<>();
		try (var files = Files.list(samples.resolve("windows-evtx"))) {
			for (Path file : files.sorted().toList()) {
				evtx.add(Files.readAllBytes(file));
			}
		}
		byte[] forti = repeat(Files.readAllBytes(samples.resolve("fw-syslog/beats_fortinet_event.log")), 20000);
		System.out.printf("Linux auth parse: %,.0f events/s%n", median(() -> parse(List.of(ssh), LogFormat.LINUX, 1)));
		System.out.printf("EVTX parse: %,.0f events/s%n", median(() -> parse(evtx, LogFormat.EVTX, 200)));
		System.out.printf("FortiGate parse: %,.0f events/s%n",
				median(() -> parse(List.of(forti), LogFormat.FORTIGATE, 1)));
		List<LogEvent> events = new ArrayList<>();
		LogParsers.standard().parse(new ByteArrayInputStream(ssh), LogFormat.LINUX, context(), events::add);
		System.out.printf("All detections over %,d events: %,.0f events/s%n", events.size(), median(() -> {
			long start = System.nanoTime();
			DetectionRules.standard().analyse(events, RuleSettings.defaults(), AccountDirectory.none());
			return events.size() / ((System.nanoTime() - start) / 1e9);
		}));
	}

	interface Measure {

		double run() throws IOException;

	}

	static double median(Measure measure) throws IOException {
		measure.run();
		measure.run();
		double[] results = new double[5];
		for (int i = 0; i < results.length; i++) {
			results[i] = measure.run();
		}
		java.util.Arrays.sort(results);
		return results[2];
	}

	static double parse(List<byte[]> files, LogFormat format, int rounds) throws IOException {
		AtomicLong count = new AtomicLong();
		LogParsers parsers = LogParsers.standard();
		long start = System.nanoTime();
		for (int r = 0; r < rounds; r++) {
			for (byte[] file : files) {
				parsers.parse(new ByteArrayInputStream(file), format, context(), e -> count.incrementAndGet());
			}
		}
		return count.get() / ((System.nanoTime() - start) / 1e9);
	}

	static ParseContext context() {
		return new ParseContext("bench", ParseContext.JAPAN, LocalDate.of(2025, 1, 15));
	}

	static byte[] repeat(byte[] content, int times) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(content.length * times + times);
		for (int i = 0; i < times; i++) {
			out.writeBytes(content);
			out.write('\n');
		}
		return out.toByteArray();
	}

}
