package jp.mamori.accesslog.parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Windows events exported as XML ({@code wevtutil qe /f:xml}, Event Viewer "save as
 * XML"), read from the project's own synthetic fixtures.
 */
class WindowsXmlParserTests {

	private final WindowsXmlParser parser = new WindowsXmlParser();

	@Test
	void readsWevtutilOutputWithoutARootElement() {
		Parsed parsed = parse("wevtutil-security.xml");
		assertThat(parsed.stats().skipped()).isZero();
		assertThat(parsed.events()).extracting(LogEvent::eventId)
			.containsExactly("4625", "4624", "4720", "4732", "4648", "1102");
		assertThat(parsed.events()).extracting(LogEvent::host).containsOnly("KARTE-SV01.hosp.example");

		LogEvent failure = parsed.events().get(0);
		assertThat(failure.kind()).isEqualTo(EventKind.AUTH_FAILURE);
		assertThat(failure.time()).isEqualTo(Instant.parse("2025-06-15T00:03:12.123456700Z"));
		assertThat(failure.user()).isEqualTo("HOSP\\administrator");
		assertThat(failure.subjectUser()).isNull();
		assertThat(failure.sourceAddress()).isEqualTo("203.0.113.45");
		assertThat(failure.logonType()).isEqualTo(3);
		assertThat(failure.access()).isEqualTo(Access.NETWORK);
		assertThat(failure.process()).isEqualTo("NtLmSsp");
		assertThat(failure.status()).isEqualTo("0xc000006a");
		assertThat(failure.recordNumber()).isEqualTo(100201);
		assertThat(failure.channel()).isEqualTo("Security");

		LogEvent rdp = parsed.events().get(1);
		assertThat(rdp.kind()).isEqualTo(EventKind.AUTH_SUCCESS);
		assertThat(rdp.user()).isEqualTo("HOSP\\tanaka");
		assertThat(rdp.access()).isEqualTo(Access.REMOTE_DESKTOP);
		assertThat(rdp.sourceAddress()).isEqualTo("192.168.10.23");
		assertThat(rdp.data()).containsEntry("ElevatedToken", "%%1842").hasSize(27);

		LogEvent created = parsed.events().get(2);
		assertThat(created.kind()).isEqualTo(EventKind.ACCOUNT_CREATED);
		assertThat(created.user()).isEqualTo("KARTE-SV01\\backup2");
		assertThat(created.subjectUser()).isEqualTo("KARTE-SV01\\Administrator");

		LogEvent added = parsed.events().get(3);
		assertThat(added.kind()).isEqualTo(EventKind.GROUP_MEMBER_ADDED);
		assertThat(added.target()).isEqualTo("Builtin\\Administrators");
		assertThat(added.user()).isEqualTo(created.data().get("TargetSid"));

		LogEvent explicit = parsed.events().get(4);
		assertThat(explicit.kind()).isEqualTo(EventKind.EXPLICIT_CREDENTIALS);
		assertThat(explicit.user()).isEqualTo("HOSP\\sato");
		assertThat(explicit.subjectUser()).isEqualTo("HOSP\\tanaka");
		assertThat(explicit.target()).isEqualTo("RECE-SV.hosp.example");
		assertThat(explicit.sourceAddress()).isEqualTo("192.168.10.40");
		assertThat(explicit.process()).isNull();

		LogEvent cleared = parsed.events().get(5);
		assertThat(cleared.kind()).isEqualTo(EventKind.LOG_CLEARED);
		assertThat(cleared.user()).isEqualTo("HOSP\\itadmin");
		assertThat(cleared.target()).isEqualTo("Security");
		assertThat(cleared.data()).containsEntry("SubjectLogonId", "0x3a2f1");
	}

	@Test
	void readsEventViewerSavedXmlWithRenderingInfo() {
		Parsed parsed = parse("eventviewer-saved.xml");
		assertThat(parsed.events()).extracting(LogEvent::eventId).containsExactly("18456", "18456", "1149", "104");
		// the last <Event> has no time: skipped, not guessed
		assertThat(parsed.stats().skipped()).isEqualTo(1);

		LogEvent japaneseSql = parsed.events().get(0);
		assertThat(japaneseSql.kind()).isEqualTo(EventKind.AUTH_FAILURE);
		assertThat(japaneseSql.access()).isEqualTo(Access.DATABASE);
		assertThat(japaneseSql.user()).isEqualTo("sa");
		assertThat(japaneseSql.sourceAddress()).isEqualTo("192.168.10.77");
		assertThat(japaneseSql.status()).isEqualTo("指定されたログインのパスワードと一致しませんでした。");
		assertThat(japaneseSql.data()).containsEntry("Data1", "sa");

		LogEvent messageOnly = parsed.events().get(1);
		assertThat(messageOnly.kind()).isEqualTo(EventKind.AUTH_FAILURE);
		assertThat(messageOnly.user()).isEqualTo("orca");
		assertThat(messageOnly.sourceAddress()).isEqualTo("192.168.10.78");
		assertThat(messageOnly.status()).isEqualTo("Could not find a login matching the name provided.");

		LogEvent rdp = parsed.events().get(2);
		assertThat(rdp.kind()).isEqualTo(EventKind.AUTH_SUCCESS);
		assertThat(rdp.access()).isEqualTo(Access.REMOTE_DESKTOP);
		assertThat(rdp.user()).isEqualTo("HOSP\\suzuki");
		assertThat(rdp.sourceAddress()).isEqualTo("127.0.0.1");

		LogEvent systemCleared = parsed.events().get(3);
		assertThat(systemCleared.kind()).isEqualTo(EventKind.LOG_CLEARED);
		assertThat(systemCleared.user()).isEqualTo("HOSP\\itadmin");
		assertThat(systemCleared.target()).isEqualTo("System");
		assertThat(systemCleared.channel()).isEqualTo("System");
	}

	@Test
	void refusesADocumentTypeDeclarationWithoutReadingTheEntity() {
		Parsed parsed = parse("xxe.xml");
		assertThat(parsed.events()).isEmpty();
		assertThat(parsed.stats().notes()).singleElement().satisfies(note -> assertThat(note).contains("DTD"));
		assertThat(parsed.stats().skipped()).isPositive();
	}

	@Test
	void stopsAtAnUndeclaredEntityWithoutResolvingIt() {
		String xml = """
				<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>4625</EventID>\
				<TimeCreated SystemTime='2025-06-15T00:00:00Z'/><Computer>PC1</Computer></System></Event>
				<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>4625</EventID>\
				<TimeCreated SystemTime='2025-06-15T00:00:01Z'/><Computer>&xxe;</Computer></System></Event>
				""";
		Parsed parsed = parse(xml.getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.events()).extracting(LogEvent::host).containsExactly("PC1");
		assertThat(parsed.stats().skipped()).isEqualTo(1);
		assertThat(parsed.stats().notes()).singleElement().satisfies(note -> assertThat(note).contains("2行目"));
	}

	@Test
	void keepsTheEventsBeforeAFileIsCut() {
		byte[] whole = bytes("wevtutil-security.xml");
		for (int cut = 0; cut < whole.length; cut += 97) {
			byte[] part = java.util.Arrays.copyOf(whole, cut);
			Parsed[] parsed = new Parsed[1];
			assertThatCode(() -> parsed[0] = parse(part)).doesNotThrowAnyException();
			assertThat(parsed[0].events()).hasSizeLessThanOrEqualTo(6);
			if (parsed[0].events().size() < 6 && cut > 0) {
				assertThat(parsed[0].stats().skipped()).as("cut at %d", cut).isPositive();
			}
		}
	}

	@Test
	void readsUtf16WithByteOrderMark() {
		String xml = new String(bytes("wevtutil-security.xml"), StandardCharsets.UTF_8);
		byte[] utf16 = ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16LE);
		assertThat(parse(utf16).events()).hasSize(6);
	}

	@Test
	void detectsEventXmlByItsNamespace() {
		assertThat(parser.detect(new LogSample("events.xml", bytes("wevtutil-security.xml")))).isEqualTo(95);
		assertThat(parser.detect(new LogSample("saved.xml", bytes("eventviewer-saved.xml")))).isEqualTo(95);
		assertThat(parser.detect(LogSample.ofText("pom.xml", "<project><modelVersion>4.0.0</modelVersion></project>")))
			.isZero();
		assertThat(parser.detect(LogSample.ofText("a.log", "Dec 10 06:55:46 LabSZ sshd[24200]: Event"))).isZero();
	}

	private static byte[] bytes(String fixture) {
		try (InputStream in = WindowsXmlParserTests.class.getResourceAsStream("/accesslog/windows/" + fixture)) {
			assertThat(in).as(fixture).isNotNull();
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Parsed parse(String fixture) {
		return parse(bytes(fixture));
	}

	private Parsed parse(byte[] bytes) {
		List<LogEvent> events = new ArrayList<>();
		try {
			ParseStats stats = parser.parse(new ByteArrayInputStream(bytes), ParseContext.of("events.xml"),
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
