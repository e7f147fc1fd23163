package jp.mamori.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.hostile.HostileParsers.Outcome;
import jp.mamori.hostile.HostileParsers.Reader;
import jp.mamori.shared.ledger.LedgerFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Text in the encodings hospitals have (CP932, UTF-8 with BOM, UTF-16 from Excel's
 * "Unicode テキスト" and PowerShell), mixed line ends, a 10 MB line, NUL bytes, binary
 * garbage and empty files, given to every reader: none throws, what is readable is read,
 * the rest is refused or noted in Japanese, and no record keeps a 10 MB field.
 */
class HostileTextTests {

	private static final String LEDGER_CSV = "機器名,IP,導入日\r\n電子カルテサーバ,192.168.1.10,2025-04-01\r\n受付PC,192.168.1.20,2025-04-02\r\n";

	private static final String AUTH_LOG = "Jun 15 09:00:01 emr sshd[1201]: Failed password for root from 203.0.113.7 port 50000 ssh2\n"
			+ "Jun 15 09:00:02 emr sshd[1201]: Failed password for root from 203.0.113.7 port 50001 ssh2\r\n"
			+ "Jun 15 09:00:03 emr sshd[1201]: Failed password for root from 203.0.113.7 port 50002 ssh2\r"
			+ "Jun 15 09:00:04 emr sshd[1202]: Accepted password for admin from 192.168.1.5 port 50003 ssh2";

	@Test
	void readsALedgerCsvInCp932Utf8WithBomAndUtf16() {
		Reader ledger = HostileParsers.ledger("things.csv");
		assertThat(ledger.apply(LEDGER_CSV.getBytes(LedgerFile.CP932)).records()).isEqualTo(2);
		assertThat(ledger
			.apply(withBom(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
					LEDGER_CSV.getBytes(StandardCharsets.UTF_8)))
			.records()).isEqualTo(2);
		// Excel's "Unicode テキスト": UTF-16LE with BOM, tab-separated
		byte[] unicodeText = withBom(new byte[] { (byte) 0xFF, (byte) 0xFE },
				LEDGER_CSV.replace(',', '\t').getBytes(StandardCharsets.UTF_16LE));
		Outcome utf16 = ledger.apply(unicodeText);
		assertThat(utf16.refused()).as("%s", utf16.messages()).isFalse();
		assertThat(utf16.records()).isEqualTo(2);
		assertThat(utf16.content()).contains("電子カルテサーバ");
	}

	@Test
	void readsALedgerCsvWithMixedLineEnds() {
		String mixed = "機器名,IP\n電子カルテサーバ,192.168.1.10\r受付PC,192.168.1.20\r\n検査PC,192.168.1.30";

		assertThat(HostileParsers.ledger("things.csv").apply(mixed.getBytes(StandardCharsets.UTF_8)).records())
			.isEqualTo(3);
	}

	@Test
	void readsALogWithMixedLineEnds() {
		Outcome outcome = HostileParsers.log(LogFormat.LINUX).apply(AUTH_LOG.getBytes(StandardCharsets.UTF_8));

		assertThat(outcome.records()).isEqualTo(4);
	}

	@Test
	void readsALogInUtf16AsPowerShellWritesIt() {
		byte[] utf16 = withBom(new byte[] { (byte) 0xFF, (byte) 0xFE }, AUTH_LOG.getBytes(StandardCharsets.UTF_16LE));

		assertThat(HostileParsers.log(LogFormat.LINUX).apply(utf16).records()).isEqualTo(4);
	}

	static Stream<Arguments> hostileText() {
		byte[] garbage = new byte[64 * 1024];
		new Random(11).nextBytes(garbage);
		byte[] nul = ("機器名,IP\r\n電子\0カルテ,192.168.1.10\r\n" + "\0".repeat(1000)).getBytes(StandardCharsets.UTF_8);
		return Stream.of(Arguments.of("空のファイル", new byte[0]), Arguments.of("改行だけ", "\r\n\n\r".getBytes()),
				Arguments.of("BOM だけ", new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }),
				Arguments.of("UTF-16 の BOM だけ", new byte[] { (byte) 0xFF, (byte) 0xFE }), Arguments.of("バイナリ", garbage),
				Arguments.of("NUL 文字", nul), Arguments.of("10 MB の 1 行", tenMegabyteLine()),
				Arguments.of("10 MB の引用符の閉じない行", ("機器名,IP\r\n\"" + "x".repeat(10 * 1024 * 1024)).getBytes()),
				Arguments.of("CP932 でも UTF-8 でもない", invalidEverywhere()));
	}

	/**
	 * Every reader, every hostile text: nothing escapes, refusals and notes are Japanese.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileText")
	void everyReaderSurvivesHostileText(String label, byte[] bytes) {
		for (Reader reader : HostileParsers.all()) {
			// a hang guard only, not a timing claim
			Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> reader.apply(bytes),
					() -> reader + " hangs");

			if (outcome.refused()) {
				assertThat(outcome.speaksJapanese()).as("%s: %s", reader, outcome.messages()).isTrue();
			}
			assertThat(outcome.records()).as("%s records", reader).isLessThanOrEqualTo(2);
			assertThat(outcome.content().length()).as("%s keeps a 10 MB field", reader).isLessThan(2 * 1024 * 1024);
		}
	}

	@Test
	void aTenMegabyteLineIsCountedAsSkippedByEveryLogParser() {
		for (Reader reader : HostileParsers.logs()) {
			Outcome outcome = reader.apply(tenMegabyteLine());

			assertThat(outcome.records()).as("%s", reader).isZero();
		}
	}

	/**
	 * The Windows CSV reader looks at the first line before handing the rest to the CSV
	 * parser: a file of one endless line must not be read whole to find its end.
	 */
	@Test
	void theWindowsCsvReaderStopsAtAnEndlessFirstLine() {
		java.io.InputStream endless = new java.io.InputStream() {
			@Override
			public int read() {
				return 'A';
			}
		};
		jp.mamori.accesslog.parser.LogParser parser = jp.mamori.accesslog.parser.LogParsers.standard()
			.of(LogFormat.WINDOWS_CSV);

		jp.mamori.accesslog.parser.ParseStats stats = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> parser.parse(endless, jp.mamori.accesslog.parser.ParseContext.of("security.csv"), event -> {
				}));

		assertThat(stats.events()).isZero();
		assertThat(stats.notes()).singleElement().satisfies(note -> assertThat(note).contains("見出し行ではありません"));
	}

	/**
	 * YAML's own bombs: aliases of aliases (billion laughs) and a tag naming a Java
	 * class.
	 */
	@Test
	void aCatalogYamlAliasBombOrJavaTagIsRefusedInJapanese() {
		StringBuilder bomb = new StringBuilder(
				"a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
		for (char c = 'b'; c <= 'j'; c++) {
			char p = (char) (c - 1);
			bomb.append(c)
				.append(": &")
				.append(c)
				.append(" [*")
				.append(p)
				.append(",*")
				.append(p)
				.append(",*")
				.append(p)
				.append(",*")
				.append(p)
				.append(",*")
				.append(p)
				.append(",*")
				.append(p)
				.append(",*")
				.append(p)
				.append(",*")
				.append(p)
				.append(",*")
				.append(p)
				.append("]\n");
		}
		String javaTag = "version: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]\n";

		for (String yaml : List.of(bomb.toString(), javaTag)) {
			Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30),
					() -> HostileParsers.catalog().apply(yaml.getBytes(StandardCharsets.UTF_8)));

			assertThat(outcome.refused()).isTrue();
			assertThat(outcome.speaksJapanese()).as("%s", outcome.messages()).isTrue();
		}
	}

	private static byte[] tenMegabyteLine() {
		byte[] line = new byte[10 * 1024 * 1024];
		Arrays.fill(line, (byte) 'A');
		return line;
	}

	/** Bytes that are neither UTF-8 nor CP932 (0x80 and 0xA0 are unmapped in CP932). */
	private static byte[] invalidEverywhere() {
		byte[] bytes = "機器名,IP\r\n".getBytes(Charset.forName("windows-31j"));
		byte[] bad = Arrays.copyOf(bytes, bytes.length + 4);
		bad[bytes.length] = (byte) 0x80;
		bad[bytes.length + 1] = (byte) 0xA0;
		bad[bytes.length + 2] = (byte) 0xFD;
		bad[bytes.length + 3] = (byte) 0xFF;
		return bad;
	}

	private static byte[] withBom(byte[] bom, byte[] text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(bom);
		out.writeBytes(text);
		return out.toByteArray();
	}

	@Test
	void aRefusedLedgerSaysWhichEncodingsItReads() {
		Outcome outcome = HostileParsers.ledger("things.csv").apply(invalidEverywhere());

		assertThat(outcome.refused()).isTrue();
		assertThat(outcome.messages()).singleElement().satisfies(m -> assertThat(m).contains("文字コード"));
	}

	@Test
	void readersListedForTheSuiteCoverEveryFormat() {
		List<String> names = HostileParsers.all().stream().map(Reader::name).toList();

		assertThat(names).contains("log:evtx", "log:wincsv", "log:winxml", "scan:nmap", "inventory:glpi", "config:auto",
				"config:pfsense", "feed:kev", "feed:nvd", "feed:eol", "feed:jvn", "ledger:things.csv",
				"ledger:things.xlsx", "catalog:yaml");
	}

}
