package jp.mamori.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.hostile.HostileParsers.Outcome;
import jp.mamori.hostile.HostileParsers.Reader;
import jp.mamori.network.config.Vendor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * XML that tries to make a reader fetch a file or a URL (external entities, an external
 * DTD) or blow up in memory (billion laughs) is refused with a Japanese message by every
 * XML reader of Mamori: Windows event XML, nmap, pfSense configurations, JVN feeds and
 * the sheets inside an .xlsx (POI). Nothing of {@code /etc/passwd} ever appears in what
 * is read, and nothing is fetched.
 */
class HostileXmlTests {

	/**
	 * Each reader with a document of its own kind, so that only the hostile part is
	 * wrong.
	 */
	private static final List<Arguments> READERS = List.of(
			Arguments.of(HostileParsers.log(LogFormat.WINDOWS_XML), HostileFiles.WINDOWS_EVENT),
			Arguments.of(HostileParsers.nmap(), HostileFiles.NMAP_SCAN),
			Arguments.of(HostileParsers.config(Vendor.PFSENSE), HostileFiles.PFSENSE),
			Arguments.of(HostileParsers.jvn(), HostileFiles.JVN_RSS));

	static Stream<Arguments> hostileXml() {
		return READERS.stream().flatMap(reader -> {
			Reader r = (Reader) reader.get()[0];
			String root = (String) reader.get()[1];
			return Stream.of(
					Arguments.of(r, "外部実体 file:///etc/passwd", HostileFiles.externalEntity(root, "file:///etc/passwd")),
					Arguments.of(r, "外部実体 http://", HostileFiles.externalEntity(root, "http://127.0.0.1:9/secret")),
					Arguments.of(r, "外部パラメーター実体",
							HostileFiles.externalParameterEntity(root, "http://127.0.0.1:9/evil.dtd")),
					Arguments.of(r, "外部 DTD", HostileFiles.externalDtd(root, "http://127.0.0.1:9/evil.dtd")),
					Arguments.of(r, "billion laughs", HostileFiles.billionLaughs(root)),
					Arguments.of(r, "quadratic blowup", HostileFiles.quadraticBlowup(root)));
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("plainDocuments")
	void theSameDocumentsWithoutADoctypeAreRead(Reader reader, String root) {
		Outcome outcome = reader.apply(root.replace("TEXT", "PC1").getBytes(StandardCharsets.UTF_8));

		assertThat(outcome.refused()).as("%s", outcome.messages()).isFalse();
		assertThat(outcome.content()).contains("PC1");
	}

	static Stream<Arguments> plainDocuments() {
		return READERS.stream();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("hostileXml")
	void refusesWithAJapaneseMessageAndExpandsNothing(Reader reader, String label, byte[] xml) {
		// a hang guard only (an expanding parser would run for minutes), not a timing
		// claim
		Outcome outcome = assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> reader.apply(xml));

		assertThat(outcome.records()).as("records read").isZero();
		assertThat(outcome.speaksJapanese()).as("Japanese message: %s", outcome.messages()).isTrue();
		assertThat(outcome.content()).doesNotContain("root:").doesNotContain("lollollol");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("doctypeInsideXlsx")
	void anXlsxWhoseSheetHasADoctypeIsRefusedByPoi(String part) throws IOException {
		byte[] xlsx = withDoctype(HostileFiles.xlsx(List.of(List.of("機器名", "IP"), List.of("電子カルテ", "10.0.0.1"))), part);

		Outcome outcome = HostileParsers.ledger("things.xlsx").apply(xlsx);

		assertThat(outcome.refused()).isTrue();
		assertThat(outcome.speaksJapanese()).isTrue();
		assertThat(outcome.content()).doesNotContain("root:");
	}

	static Stream<String> doctypeInsideXlsx() {
		return Stream.of("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "[Content_Types].xml");
	}

	/** Replaces the XML declaration of one part of an .xlsx with one carrying an XXE. */
	static byte[] withDoctype(byte[] xlsx, String part) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		boolean found = false;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				byte[] bytes = in.readAllBytes();
				if (entry.getName().equals(part)) {
					found = true;
					String xml = new String(bytes, StandardCharsets.UTF_8);
					int root = xml.indexOf('<', xml.startsWith("<?xml") ? xml.indexOf("?>") : 0);
					String name = xml.substring(root + 1).split("[\\s>]", 2)[0];
					xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE " + name
							+ " [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + xml.substring(root);
					xml = xml.replace("電子カルテ", "&xxe;");
					bytes = xml.getBytes(StandardCharsets.UTF_8);
				}
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(bytes);
				zip.closeEntry();
			}
		}
		assertThat(found).as("part %s in the workbook", part).isTrue();
		return out.toByteArray();
	}

	/** The plain workbook is read, so the refusal above is the DOCTYPE's doing. */
	@org.junit.jupiter.api.Test
	void theSameWorkbookWithoutADoctypeIsRead() throws IOException {
		byte[] xlsx = HostileFiles.xlsx(List.of(List.of("機器名", "IP"), List.of("電子カルテ", "10.0.0.1")));
		try (XSSFWorkbook ignored = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			// a readable workbook
		}

		assertThat(HostileParsers.ledger("things.xlsx").apply(xlsx).records()).isEqualTo(1);
	}

}
