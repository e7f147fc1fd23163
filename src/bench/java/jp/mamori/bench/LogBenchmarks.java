package jp.mamori.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.accesslog.parser.LogParsers;
import jp.mamori.accesslog.parser.ParseContext;
import jp.mamori.accesslog.rule.AccountDirectory;
import jp.mamori.accesslog.rule.DetectionRules;
import jp.mamori.accesslog.rule.RuleSettings;
import jp.mamori.devdata.internal.SyntheticRecords;
import jp.mamori.support.SharedSamples;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsers (EVTX and FortiGate over the shared samples, Linux auth over a generated log)
 * and the 17 detection rules over 500,000 generated events, single-threaded. The
 * {@code events} counter in the results is events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xmx2g" })
public class LogBenchmarks {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

	final LogParsers parsers = LogParsers.standard();

	byte[] linux;

	List<byte[]> evtx;

	byte[] fortigate;

	List<LogEvent> events;

	@Setup
	public void read() throws IOException {
		SyntheticRecords records = new SyntheticRecords(1, 0, TODAY);
		List<String> users = records.accounts(2_000, records.staff(2_000)).stream().map(a -> a.get("userId")).toList();
		linux = records.authLog(200_000, List.of("EMR-SV00001", "PACS-SV00002", "LIS-SV00003"), users)
			.readAllBytes();
		evtx = new ArrayList<>();
		try (var files = Files.list(SharedSamples.root().resolve("windows-evtx"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".evtx")).sorted().toList()) {
				evtx.add(Files.readAllBytes(file));
			}
		}
		byte[] beats = Files.readAllBytes(SharedSamples.root().resolve("fw-syslog/beats_fortinet_event.log"));
		var out = new java.io.ByteArrayOutputStream();
		for (int i = 0; i < 2_000; i++) {
			out.write(beats);
		}
		fortigate = out.toByteArray();
		events = new ArrayList<>();
		parsers.parse(records.authLog(500_000, List.of("EMR-SV00001", "PACS-SV00002"), users), LogFormat.LINUX,
				context(), events::add);
	}

	static ParseContext context() {
		return new ParseContext("bench", ParseContext.JAPAN, TODAY);
	}

	private long parse(byte[] bytes, LogFormat format) throws IOException {
		long[] count = new long[1];
		parsers.parse(new ByteArrayInputStream(bytes), format, context(), e -> count[0]++);
		return count[0];
	}

	@Benchmark
	public long parseLinuxAuth(EventCounter counter) throws IOException {
		long n = parse(linux, LogFormat.LINUX);
		counter.events += n;
		return n;
	}

	@Benchmark
	public long parseEvtx(EventCounter counter) throws IOException {
		long n = 0;
		for (byte[] file : evtx) {
			n += parse(file, LogFormat.EVTX);
		}
		counter.events += n;
		return n;
	}

	@Benchmark
	public long parseFortiGate(EventCounter counter) throws IOException {
		long n = parse(fortigate, LogFormat.FORTIGATE);
		counter.events += n;
		return n;
	}

	@Benchmark
	public Object allDetections(EventCounter counter) {
		counter.events += events.size();
		return DetectionRules.standard().analyse(events, RuleSettings.defaults(), AccountDirectory.none());
	}

}
