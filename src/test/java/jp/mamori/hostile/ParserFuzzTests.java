package jp.mamori.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import jp.mamori.hostile.HostileParsers.Outcome;
import jp.mamori.hostile.HostileParsers.Reader;
import jp.mamori.support.SharedSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded random mutator (bit flips, interesting bytes, truncation, splicing of two
 * seeds, duplicated and inserted slices) over every reader, starting from the committed
 * fixtures and generated files: no exception other than a refusal
 * ({@code BadInputException}) escapes, no reader hangs, refusals are Japanese.
 *
 * <p>
 * The budget is counted in mutations: {@value #DEFAULT_ITERATIONS} per reader in CI,
 * {@code -Dmamori.fuzz.iterations=N} for longer runs and {@code -Dmamori.fuzz.seed=S} for
 * another sequence (docs/hostile-input.md). An input that fails is written to
 * {@code target/fuzz-failures/} and the message says how to replay it.
 */
class ParserFuzzTests {

	static final int DEFAULT_ITERATIONS = 400;

	/** A hang guard per input (not a timing claim: parsing takes milliseconds). */
	private static final long HANG_SECONDS = 30;

	private static final byte[] INTERESTING = { 0, (byte) 0xFF, 0x7F, (byte) 0x80, '<', '>', '&', '"', '\'', '\n', '\r',
			',', '\t', ':', '{', '[', '%', '=', '\\' };

	private static ExecutorService executor;

	@BeforeAll
	static void startWorker() {
		executor = Executors.newSingleThreadExecutor(r -> {
			Thread thread = new Thread(r, "fuzz");
			thread.setDaemon(true);
			return thread;
		});
	}

	@AfterAll
	static void stopWorker() {
		executor.shutdownNow();
	}

	static Stream<Arguments> readers() {
		List<byte[]> logs = resources("accesslog", "accesslog/windows");
		List<byte[]> evtx = evtxSeeds();
		List<byte[]> configs = resources("network");
		List<Arguments> all = new ArrayList<>();
		for (Reader reader : HostileParsers.logs()) {
			all.add(Arguments.of(reader, reader.name().equals("log:evtx") ? evtx
					: reader.name().equals("log:auto") ? concat(logs, evtx) : logs));
		}
		all.add(Arguments.of(HostileParsers.nmap(), resources("network/scan")));
		all.add(Arguments.of(HostileParsers.glpi(), resources("network/inventory")));
		for (Reader reader : HostileParsers.configs()) {
			all.add(Arguments.of(reader, configs));
		}
		List<byte[]> json = resources("vulnerability/feeds");
		for (Reader reader : HostileParsers.feeds()) {
			all.add(Arguments.of(reader,
					reader.name().equals("feed:jvn")
							? List
								.of(HostileFiles.JVN_RSS.replace("TEXT", "電子カルテの脆弱性").getBytes(StandardCharsets.UTF_8))
							: json));
		}
		List<byte[]> csv = concat(resources("vulnerability"),
				List.of("機器名,IP,導入日\r\n電子カルテサーバ,\"192.168.1.10\n192.168.1.11\",令和7年4月1日\r\n"
					.getBytes(jp.mamori.shared.ledger.LedgerFile.CP932)));
		all.add(Arguments.of(HostileParsers.ledger("things.csv"), csv));
		all.add(Arguments.of(HostileParsers.ledger("things.xlsx"),
				List.of(HostileFiles.xlsx(List.of(List.of("機器名", "IP", "導入日"),
						List.of("電子カルテサーバ", "192.168.1.10", "2025-04-01"), List.of("受付PC", "=1+1", "令和7年4月2日"))))));
		all.add(Arguments.of(HostileParsers.catalog(), List.of(classpath("catalog/r7.yaml"))));
		return all.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readers")
	void noExceptionEscapesAndNothingHangs(Reader reader, List<byte[]> seeds) throws IOException {
		assertThat(seeds).as("seeds of %s", reader).isNotEmpty();
		int iterations = Integer.getInteger("mamori.fuzz.iterations", DEFAULT_ITERATIONS);
		long seed = Long.getLong("mamori.fuzz.seed", 20251129L) ^ reader.name().hashCode();
		Random random = new Random(seed);
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < iterations && failures.size() < 5; i++) {
			byte[] input = mutate(seeds, random);
			String failure = run(reader, input);
			if (failure != null) {
				Path saved = save(reader, i, input);
				failures.add("#" + i + " (" + saved + "): " + failure);
			}
		}
		assertThat(failures).as("%s, seed %d (replay: -Dmamori.fuzz.seed=… or the saved inputs)", reader, seed)
			.isEmpty();
	}

	/** Null when the reader behaved, else what went wrong. */
	private static String run(Reader reader, byte[] input) {
		Future<Outcome> result = executor.submit(() -> reader.apply(input));
		try {
			Outcome outcome = result.get(HANG_SECONDS, TimeUnit.SECONDS);
			if (outcome.refused() && !outcome.speaksJapanese()) {
				return "refused without a Japanese message: " + outcome.messages();
			}
			return null;
		}
		catch (TimeoutException ex) {
			result.cancel(true);
			return "no answer within " + HANG_SECONDS + " s (hang)";
		}
		catch (ExecutionException ex) {
			StringWriter trace = new StringWriter();
			ex.getCause().printStackTrace(new PrintWriter(trace));
			return trace.toString().lines().limit(8).reduce((a, b) -> a + "\n" + b).orElse("");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	static byte[] mutate(List<byte[]> seeds, Random random) {
		byte[] data = seeds.get(random.nextInt(seeds.size())).clone();
		int rounds = 1 + random.nextInt(4);
		for (int round = 0; round < rounds && data.length > 0; round++) {
			switch (random.nextInt(7)) {
				case 0 -> {
					// bit flips
					int flips = 1 + random.nextInt(16);
					for (int i = 0; i < flips; i++) {
						data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
					}
				}
				case 1 -> {
					int count = 1 + random.nextInt(8);
					for (int i = 0; i < count; i++) {
						data[random.nextInt(data.length)] = INTERESTING[random.nextInt(INTERESTING.length)];
					}
				}
				case 2 -> data = java.util.Arrays.copyOf(data, random.nextInt(data.length));
				case 3 -> {
					// splice: the start of this seed, the end of another
					byte[] other = seeds.get(random.nextInt(seeds.size()));
					int cut = random.nextInt(data.length + 1);
					int from = random.nextInt(other.length + 1);
					byte[] spliced = java.util.Arrays.copyOf(data, cut + other.length - from);
					System.arraycopy(other, from, spliced, cut, other.length - from);
					data = spliced;
				}
				case 4 -> {
					// a slice repeated: long lines, repeated records and elements
					int start = random.nextInt(data.length);
					int length = Math.min(data.length - start, 1 + random.nextInt(256));
					int times = 1 + random.nextInt(64);
					byte[] grown = new byte[data.length + length * times];
					System.arraycopy(data, 0, grown, 0, start + length);
					for (int t = 0; t < times; t++) {
						System.arraycopy(data, start, grown, start + length * (t + 1), length);
					}
					System.arraycopy(data, start + length, grown, start + length * (times + 1),
							data.length - start - length);
					data = grown;
				}
				case 5 -> {
					byte[] noise = new byte[1 + random.nextInt(64)];
					random.nextBytes(noise);
					int at = random.nextInt(data.length + 1);
					byte[] inserted = new byte[data.length + noise.length];
					System.arraycopy(data, 0, inserted, 0, at);
					System.arraycopy(noise, 0, inserted, at, noise.length);
					System.arraycopy(data, at, inserted, at + noise.length, data.length - at);
					data = inserted;
				}
				default -> {
					// a four-byte little-endian integer overwritten with an extreme
					if (data.length >= 4) {
						int at = random.nextInt(data.length - 3);
						int value = switch (random.nextInt(4)) {
							case 0 -> 0;
							case 1 -> -1;
							case 2 -> Integer.MAX_VALUE;
							default -> random.nextInt(1 << 17);
						};
						for (int b = 0; b < 4; b++) {
							data[at + b] = (byte) (value >>> (8 * b));
						}
					}
				}
			}
		}
		return data;
	}

	private static List<byte[]> resources(String... folders) {
		List<byte[]> files = new ArrayList<>();
		for (String folder : folders) {
			Path path = Path.of("src/test/resources", folder);
			try (Stream<Path> list = Files.list(path)) {
				for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
					files.add(Files.readAllBytes(file));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return files;
	}

	private static byte[] classpath(String resource) {
		try (InputStream in = ParserFuzzTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The shared EVTX samples when present, else a minimal file of a header and one chunk
	 * (the fuzz run must not depend on them).
	 */
	private static List<byte[]> evtxSeeds() {
		List<byte[]> seeds = new ArrayList<>();
		Path folder = SharedSamples.root().resolve("windows-evtx");
		if (Files.isDirectory(folder)) {
			try (Stream<Path> list = Files.list(folder)) {
				for (Path file : list.filter(p -> p.toString().endsWith(".evtx")).sorted().limit(4).toList()) {
					seeds.add(Files.readAllBytes(file));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		byte[] minimal = new byte[4096 + 65536];
		System.arraycopy("ElfFile\0".getBytes(StandardCharsets.US_ASCII), 0, minimal, 0, 8);
		System.arraycopy("ElfChnk\0".getBytes(StandardCharsets.US_ASCII), 0, minimal, 4096, 8);
		minimal[42] = 1;
		seeds.add(minimal);
		return seeds;
	}

	private static List<byte[]> concat(List<byte[]> a, List<byte[]> b) {
		List<byte[]> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static Path save(Reader reader, int iteration, byte[] input) {
		try {
			Path folder = Files.createDirectories(Path.of("target", "fuzz-failures"));
			return Files.write(folder.resolve(reader.name().replace(':', '-') + "-" + iteration + ".bin"), input);
		}
		catch (IOException ex) {
			return Path.of("(not saved: " + ex.getMessage() + ")");
		}
	}

}
