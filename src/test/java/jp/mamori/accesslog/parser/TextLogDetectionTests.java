package jp.mamori.accesslog.parser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.mamori.support.SharedSamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextLogDetectionTests {

	private final LogParsers parsers = LogParsers.standard();

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(textBlock = """
			linux-secure.log,        LINUX
			fortigate.log,           FORTIGATE
			asa.log,                 ASA
			rtx-syslog.log,          RTX
			rtx-show-log.txt,        RTX
			pfirewall.log,           WINDOWS_FIREWALL
			u_ex250615.log,          IIS
			access_log,              CLF
			nginx-error.log,         ERROR_LOG
			catalina.2025-06-15.log, ERROR_LOG
			apache24-error.log,      ERROR_LOG
			""")
	void detectsEveryFixtureAsItsFormat(String fixture, LogFormat format) throws IOException {
		byte[] head;
		try (InputStream in = ParsedLog.fixtureStream(fixture)) {
			head = in.readNBytes(LogSample.HEAD_BYTES);
		}

		assertThat(parsers.detect(new LogSample(fixture, head))).contains(format);
		// and without the file name, from the bytes alone
		assertThat(parsers.detect(new LogSample(null, head))).contains(format);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(textBlock = """
			linux-auth/loghub_OpenSSH_2k.log,               LINUX
			fw-syslog/beats_fortinet_event.log,             FORTIGATE
			web-access/eas_tomcat_localhost_access_log.txt, CLF
			web-access/loghub_Apache_2k_error.log,          ERROR_LOG
			""")
	void detectsEverySharedSampleAsItsFormat(String sample, LogFormat format) throws IOException {
		Path path = SharedSamples.sample(sample);
		byte[] head;
		try (InputStream in = Files.newInputStream(path)) {
			head = in.readNBytes(LogSample.HEAD_BYTES);
		}

		assertThat(parsers.detect(new LogSample(path.getFileName().toString(), head))).contains(format);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			just some words
			{"json": true}
			""")
	void recognisesNoTextThatIsNoLog(String text) {
		assertThat(parsers.detect(LogSample.ofText("notes.txt", text))).isEmpty();
	}

}
