package jp.mamori.accesslog.parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Event Viewer CSV (Japanese and English headings, CP932 and UTF-8 with BOM) and
 * PowerShell {@code Export-Csv}, from the project's own synthetic fixtures: the values
 * come from the rendered descriptions, section by section.
 */
class WindowsCsvParserTests {

	private final WindowsCsvParser parser = new WindowsCsvParser();

	@ParameterizedTest
	@ValueSource(strings = { "eventviewer-security-ja-cp932.csv", "eventviewer-security-ja-utf8bom.csv" })
	void readsJapaneseEventViewerCsvInEitherEncoding(String fixture) {
		Parsed parsed = parse(fixture, ParseContext.JAPAN);
		assertThat(parsed.events()).extracting(LogEvent::eventId)
			.containsExactly("4625", "4625", "4624", "4732", "1102");
		// the row with the 13th month is skipped, not guessed
		assertThat(parsed.stats().skipped()).isEqualTo(1);

		LogEvent failure = parsed.events().get(0);
		assertThat(failure.kind()).isEqualTo(EventKind.AUTH_FAILURE);
		assertThat(failure.time()).isEqualTo(Instant.parse("2025-06-15T00:03:12Z"));
		// the account under 「ログオンに失敗したアカウント:」, not the one under 「サブジェクト:」
		assertThat(failure.user()).isEqualTo("HOSP\\administrator");
		assertThat(failure.subjectUser()).isNull();
		assertThat(failure.logonType()).isEqualTo(3);
		assertThat(failure.access()).isEqualTo(Access.NETWORK);
		assertThat(failure.sourceAddress()).isEqualTo("203.0.113.45");
		assertThat(failure.process()).isEqualTo("NtLmSsp");
		assertThat(failure.status()).isEqualTo("0xc000006a");
		assertThat(failure.channel()).isEqualTo("Security");
		assertThat(failure.data()).containsEntry("AuthenticationPackageName", "NTLM")
			.containsEntry("WorkstationName", "-");
		assertThat(parsed.events().get(1).user()).isEqualTo("HOSP\\user01");

		LogEvent rdp = parsed.events().get(2);
		assertThat(rdp.kind()).isEqualTo(EventKind.AUTH_SUCCESS);
		assertThat(rdp.user()).isEqualTo("HOSP\\tanaka");
		assertThat(rdp.subjectUser()).isEqualTo("HOSP\\KARTE-SV01$");
		assertThat(rdp.logonType()).isEqualTo(10);
		assertThat(rdp.access()).isEqualTo(Access.REMOTE_DESKTOP);
		assertThat(rdp.sourceAddress()).isEqualTo("192.168.10.23");
		assertThat(rdp.process()).isEqualTo("User32");
		assertThat(rdp.data()).containsEntry("TargetLogonId", "0x5A1F2C");

		LogEvent added = parsed.events().get(3);
		assertThat(added.kind()).isEqualTo(EventKind.GROUP_MEMBER_ADDED);
		assertThat(added.target()).isEqualTo("Builtin\\Administrators");
		assertThat(added.user()).isEqualTo("S-1-5-21-4444444444-5555555555-6666666666-1009");
		assertThat(added.subjectUser()).isEqualTo("KARTE-SV01\\Administrator");

		LogEvent cleared = parsed.events().get(4);
		assertThat(cleared.kind()).isEqualTo(EventKind.LOG_CLEARED);
		assertThat(cleared.user()).isEqualTo("HOSP\\itadmin");
		assertThat(cleared.target()).isEqualTo("Security");
		assertThat(cleared.time()).isEqualTo(Instant.parse("2025-06-15T10:00:00Z"));
	}

	@Test
	void readsEnglishEventViewerCsvWithKeywordsColumn() {
		Parsed parsed = parse("eventviewer-security-en-bom.csv", ParseContext.JAPAN);
		assertThat(parsed.stats().skipped()).isZero();
		assertThat(parsed.events()).extracting(LogEvent::eventId)
			.containsExactly("4625", "4624", "4648", "4720", "4634");

		LogEvent failure = parsed.events().get(0);
		assertThat(failure.time()).isEqualTo(Instant.parse("2025-06-15T00:03:12Z"));
		// the account under "Account For Which Logon Failed:", not the one under
		// "Subject:"
		assertThat(failure.user()).isEqualTo("administrator");
		assertThat(failure.sourceAddress()).isEqualTo("198.51.100.7");
		assertThat(failure.data()).containsEntry("WorkstationName", "kali").containsEntry("TargetDomainName", "");

		LogEvent logon = parsed.events().get(1);
		assertThat(logon.time()).isEqualTo(Instant.parse("2025-06-15T04:15:00Z"));
		assertThat(logon.user()).isEqualTo("HOSP\\sato");
		assertThat(logon.logonType()).isEqualTo(2);
		assertThat(logon.sourceAddress()).isEqualTo("127.0.0.1");
		assertThat(logon.data()).containsEntry("ProcessName", "C:\\Windows\\System32\\svchost.exe");

		LogEvent explicit = parsed.events().get(2);
		assertThat(explicit.kind()).isEqualTo(EventKind.EXPLICIT_CREDENTIALS);
		assertThat(explicit.user()).isEqualTo("HOSP\\admin");
		assertThat(explicit.subjectUser()).isEqualTo("HOSP\\sato");
		assertThat(explicit.target()).isEqualTo("KARTE-SV01.hosp.example");
		assertThat(explicit.process()).isEqualTo("C:\\Windows\\System32\\mstsc.exe");
		assertThat(explicit.sourceAddress()).isNull();

		LogEvent created = parsed.events().get(3);
		assertThat(created.kind()).isEqualTo(EventKind.ACCOUNT_CREATED);
		assertThat(created.user()).isEqualTo("HOSP\\temp-vendor");
		assertThat(created.subjectUser()).isEqualTo("HOSP\\itadmin");
		assertThat(created.time()).isEqualTo(Instant.parse("2025-06-15T14:59:59Z"));

		LogEvent logoff = parsed.events().get(4);
		assertThat(logoff.kind()).isEqualTo(EventKind.SESSION_END);
		assertThat(logoff.user()).isEqualTo("HOSP\\sato");
		assertThat(logoff.logonType()).isEqualTo(2);
		assertThat(logoff.time()).isEqualTo(Instant.parse("2025-06-15T15:00:10Z"));
	}

	@Test
	void readsPowerShellExportCsvWithItsTypeLine() {
		Parsed parsed = parse("powershell-export.csv", ZoneId.of("UTC"));
		assertThat(parsed.events()).extracting(LogEvent::eventId).containsExactly("1149", "18456");
		assertThat(parsed.stats().skipped()).isEqualTo(1);

		LogEvent rdp = parsed.events().get(0);
		assertThat(rdp.kind()).isEqualTo(EventKind.AUTH_SUCCESS);
		assertThat(rdp.access()).isEqualTo(Access.REMOTE_DESKTOP);
		assertThat(rdp.user()).isEqualTo("HOSP\\admin01");
		assertThat(rdp.sourceAddress()).isEqualTo("10.20.30.40");
		assertThat(rdp.host()).isEqualTo("RECE-SV.hosp.example");
		assertThat(rdp.recordNumber()).isEqualTo(812);
		assertThat(rdp.time()).isEqualTo(Instant.parse("2025-06-15T22:45:10Z"));

		LogEvent sql = parsed.events().get(1);
		assertThat(sql.kind()).isEqualTo(EventKind.AUTH_FAILURE);
		assertThat(sql.access()).isEqualTo(Access.DATABASE);
		assertThat(sql.user()).isEqualTo("root");
		assertThat(sql.sourceAddress()).isEqualTo("192.168.10.77");
		assertThat(sql.status()).isEqualTo("Password did not match that for the login provided.");
		assertThat(sql.channel()).isEqualTo("Application");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "2025/06/15 9:03:12|2025-06-15T00:03:12Z", "2025/06/15 09:03:12|2025-06-15T00:03:12Z",
					"6/15/2025 9:03:12 AM|2025-06-15T00:03:12Z", "6/15/2025 9:03:12 PM|2025-06-15T12:03:12Z",
					"6/15/2025 12:00:01 AM|2025-06-14T15:00:01Z", "2025/06/15 午後 9:03:12|2025-06-15T12:03:12Z",
					"2025-06-15 09:03:12|2025-06-15T00:03:12Z" })
	void readsLocalTimesOfEitherCultureInTheAnalysisZone(String written, String utc) {
		assertThat(WindowsCsvParser.localTime(written, ParseContext.JAPAN)).isEqualTo(Instant.parse(utc));
	}

	@Test
	void doesNotGuessAnImpossibleDate() {
		assertThat(WindowsCsvParser.localTime("2025/02/30 9:00:00", ParseContext.JAPAN)).isNull();
		assertThat(WindowsCsvParser.localTime("yesterday", ParseContext.JAPAN)).isNull();
	}

	@Test
	void survivesAFileCutInsideAQuotedDescription() {
		byte[] whole = bytes("eventviewer-security-en-bom.csv");
		for (int cut = 0; cut < whole.length; cut += 61) {
			byte[] part = Arrays.copyOf(whole, cut);
			Parsed[] parsed = new Parsed[1];
			assertThatCode(() -> parsed[0] = parse(part, ParseContext.JAPAN)).doesNotThrowAnyException();
			assertThat(parsed[0].events()).hasSizeLessThanOrEqualTo(5);
		}
		String unterminated = "Level,Date and Time,Source,Event ID,Task Category\r\n"
				+ "Information,6/15/2025 9:03:12 AM,Microsoft-Windows-Security-Auditing,4625,Logon,\"An account failed";
		Parsed parsed = parse(unterminated.getBytes(StandardCharsets.UTF_8), ParseContext.JAPAN);
		assertThat(parsed.events()).isEmpty();
		assertThat(parsed.stats().skipped()).isEqualTo(1);
	}

	@Test
	void notesAHeaderItDoesNotKnow() {
		Parsed parsed = parse("name,age\r\ntaro,30\r\n".getBytes(StandardCharsets.UTF_8), ParseContext.JAPAN);
		assertThat(parsed.events()).isEmpty();
		assertThat(parsed.stats().notes()).isNotEmpty();
	}

	@Test
	void detectsEventViewerAndPowerShellHeaders() {
		assertThat(parser.detect(new LogSample("s.csv", bytes("eventviewer-security-ja-cp932.csv")))).isEqualTo(95);
		assertThat(parser.detect(new LogSample("s.csv", bytes("eventviewer-security-ja-utf8bom.csv")))).isEqualTo(95);
		assertThat(parser.detect(new LogSample("s.csv", bytes("eventviewer-security-en-bom.csv")))).isEqualTo(95);
		assertThat(parser.detect(new LogSample("s.csv", bytes("powershell-export.csv")))).isEqualTo(90);
		assertThat(parser.detect(LogSample.ofText("a.csv", "Level,Date and Time,Source,Event ID,Task Category\n")))
			.isEqualTo(95);
		assertThat(parser.detect(LogSample.ofText("a.csv", "date,time,s-ip,cs-method\n"))).isZero();
		assertThat(parser.detect(LogSample.ofText("a.log", "Dec 10 06:55:46 LabSZ sshd[24200]: Failed"))).isZero();
	}

	private static byte[] bytes(String fixture) {
		try (InputStream in = WindowsCsvParserTests.class.getResourceAsStream("/accesslog/windows/" + fixture)) {
			assertThat(in).as(fixture).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Parsed parse(String fixture, ZoneId zone) {
		return parse(bytes(fixture), zone);
	}

	private Parsed parse(byte[] bytes, ZoneId zone) {
		List<LogEvent> events = new ArrayList<>();
		try {
			ParseStats stats = parser.parse(new ByteArrayInputStream(bytes), new ParseContext("events.csv", zone, null),
					events::add);
			return new Parsed(events, stats);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Parsed(List<LogEvent> events, ParseStats stats) {
	}

}
