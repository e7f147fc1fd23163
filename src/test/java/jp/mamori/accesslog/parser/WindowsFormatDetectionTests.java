package jp.mamori.accesslog.parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jp.mamori.support.SharedSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auto-detection among all standard parsers picks the Windows formats for Windows files,
 * and a whole file goes through {@link LogParsers#parse} without a format given.
 */
class WindowsFormatDetectionTests {

	private final LogParsers parsers = LogParsers.standard();

	@ParameterizedTest
	@CsvSource({ "wevtutil-security.xml, WINDOWS_XML", "eventviewer-saved.xml, WINDOWS_XML",
			"eventviewer-security-ja-cp932.csv, WINDOWS_CSV", "eventviewer-security-ja-utf8bom.csv, WINDOWS_CSV",
			"eventviewer-security-en-bom.csv, WINDOWS_CSV", "powershell-export.csv, WINDOWS_CSV" })
	void detectsExportedWindowsEvents(String fixture, LogFormat format) {
		byte[] bytes = fixture(fixture);
		assertThat(parsers.detect(new LogSample(fixture, head(bytes)))).contains(format);
	}

	@Test
	void detectsAndParsesAnEvtxFileWithoutBeingTold() throws IOException {
		byte[] evtx = Files
			.readAllBytes(SharedSamples.sample("windows-evtx/mitre_4625-local-bruteforce-accountrestore.evtx"));
		assertThat(parsers.detect(new LogSample("Security.evtx", head(evtx)))).contains(LogFormat.EVTX);
		List<LogEvent> events = new ArrayList<>();
		ParseStats stats = parsers.parse(new ByteArrayInputStream(evtx), null, ParseContext.of("Security.evtx"),
				events::add);
		assertThat(stats.format()).isEqualTo(LogFormat.EVTX);
		assertThat(events).hasSize(16);
	}

	@Test
	void parsesAnExportedFileWithoutBeingTold() throws IOException {
		List<LogEvent> events = new ArrayList<>();
		ParseStats stats = parsers.parse(new ByteArrayInputStream(fixture("eventviewer-security-ja-cp932.csv")), null,
				ParseContext.of("security.csv"), events::add);
		assertThat(stats.format()).isEqualTo(LogFormat.WINDOWS_CSV);
		assertThat(events).hasSize(5);
	}

	private static byte[] head(byte[] bytes) {
		return Arrays.copyOf(bytes, Math.min(bytes.length, LogSample.HEAD_BYTES));
	}

	private static byte[] fixture(String name) {
		try (InputStream in = WindowsFormatDetectionTests.class.getResourceAsStream("/accesslog/windows/" + name)) {
			assertThat(in).as(name).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
