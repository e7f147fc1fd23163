package jp.mamori.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import jp.mamori.hostile.HostileParsers.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Workbooks are zips: an .xlsx whose sheet inflates a thousandfold, one with thousands of
 * parts, one with a part far over the size limit, one that is no zip at all. POI's
 * {@code ZipSecureFile} limits are set in one place ({@code LedgerFile}) and each such
 * file is refused with a Japanese message before it fills the memory. (The feed zip
 * reader is covered through its upload in {@link HostileUploadTests}.)
 */
class HostileZipTests {

	@Test
	void anXlsxThatInflatesAThousandfoldIsRefused() throws IOException {
		byte[] bomb = replacePart(HostileFiles.xlsx(List.of(List.of("機器名"), List.of("電子カルテ"))),
				"xl/worksheets/sheet1.xml", sheetPaddedWithSpaces(40 * 1024 * 1024));

		Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> HostileParsers.ledger("things.xlsx").apply(bomb));

		assertThat(outcome.refused()).isTrue();
		assertThat(outcome.messages()).singleElement().satisfies(m -> assertThat(m).contains("zip 爆弾"));
	}

	@Test
	void anXlsxWithThousandsOfPartsIsRefused() throws IOException {
		Map<String, byte[]> extra = new LinkedHashMap<>();
		for (int i = 0; i < 5000; i++) {
			extra.put("customXml/item" + i + ".xml", ("<x>" + i + "</x>").getBytes());
		}
		byte[] many = addParts(HostileFiles.xlsx(List.of(List.of("機器名"), List.of("電子カルテ"))), extra);

		Outcome outcome = HostileParsers.ledger("things.xlsx").apply(many);

		assertThat(outcome.refused()).isTrue();
		assertThat(outcome.messages()).singleElement().satisfies(m -> assertThat(m).contains("zip 爆弾"));
	}

	@Test
	void aFileNamedXlsxThatIsNoZipIsRefused() {
		Outcome outcome = HostileParsers.ledger("things.xlsx").apply("PK but no zip".getBytes());

		assertThat(outcome.refused()).isTrue();
		assertThat(outcome.messages()).singleElement().satisfies(m -> assertThat(m).contains(".xlsx"));
	}

	@Test
	void aZipBombNamedXlsxIsRefused() {
		byte[] bomb = HostileFiles.zipBomb("xl/worksheets/sheet1.xml", 64);

		Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30),
				() -> HostileParsers.ledger("things.xlsx").apply(bomb));

		assertThat(outcome.refused()).isTrue();
		assertThat(outcome.speaksJapanese()).isTrue();
	}

	private static byte[] sheetPaddedWithSpaces(int spaces) {
		String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
		ByteArrayOutputStream out = new ByteArrayOutputStream(spaces + 200);
		out.writeBytes(head.getBytes());
		out.writeBytes(" ".repeat(spaces).getBytes());
		out.writeBytes("</sheetData></worksheet>".getBytes());
		return out.toByteArray();
	}

	private static byte[] replacePart(byte[] zip, String part, byte[] content) throws IOException {
		return rewrite(zip, Map.of(part, content), Map.of());
	}

	private static byte[] addParts(byte[] zip, Map<String, byte[]> parts) throws IOException {
		return rewrite(zip, Map.of(), parts);
	}

	private static byte[] rewrite(byte[] zip, Map<String, byte[]> replaced, Map<String, byte[]> added)
			throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
				ZipOutputStream target = new ZipOutputStream(out)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				byte[] bytes = in.readAllBytes();
				target.putNextEntry(new ZipEntry(entry.getName()));
				target.write(replaced.getOrDefault(entry.getName(), bytes));
				target.closeEntry();
			}
			for (Map.Entry<String, byte[]> part : added.entrySet()) {
				target.putNextEntry(new ZipEntry(part.getKey()));
				target.write(part.getValue());
				target.closeEntry();
			}
		}
		return out.toByteArray();
	}

}
