package jp.mamori.hostile;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.evidence.EvidenceFile;
import jp.mamori.evidence.EvidenceFiles;
import jp.mamori.identity.ApiTokens;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Hostile files through the real uploads (MockMvc): each is answered without a 5xx, with
 * a Japanese message, and leaves nothing stored (rows counted before and after).
 * Path-like upload names stay display names; downloads carry a safe Content-Disposition;
 * formulas typed or imported come out of every CSV export neutralised and out of every
 * Excel export as text cells.
 */
@IntegrationTest
class HostileUploadTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	LedgerRecords records;

	@Autowired
	Ledgers ledgers;

	@Autowired
	EvidenceFiles evidence;

	@Autowired
	JdbcClient jdbc;

	private String editor;

	private Organization org;

	private String token;

	@BeforeEach
	void clinic() {
		editor = Fixtures.uniqueName("hostile");
		org = fixtures.clinicWith(editor, OrgRole.ADMIN);
		token = tokens.create(org.id(), editor, editor);
	}

	// ---- ledger imports ----

	@Test
	void aLedgerXlsxWithAnExternalEntityIsRefusedAndNothingIsStored() throws Exception {
		byte[] xlsx = HostileFiles.xlsx(List.of(List.of("機器名", "種別"), List.of("電子カルテ", "サーバ")));
		byte[] poisoned = HostileXmlTests.withDoctype(xlsx, "xl/sharedStrings.xml");

		MockHttpServletResponse response = importDevices("devices.xlsx", poisoned);

		assertRefusedInJapanese(response);
		assertThat(devices()).isZero();
	}

	@Test
	void aLedgerZipBombIsRefusedAndNothingIsStored() throws Exception {
		MockHttpServletResponse response = importDevices("devices.xlsx",
				HostileFiles.zipBomb("xl/worksheets/sheet1.xml", 32));

		assertRefusedInJapanese(response);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("zip 爆弾");
		assertThat(devices()).isZero();
	}

	@Test
	void aLedgerCsvOfBinaryGarbageIsRefusedAndNothingIsStored() throws Exception {
		byte[] garbage = new byte[8192];
		new java.util.Random(5).nextBytes(garbage);

		assertRefusedInJapanese(importDevices("devices.csv", garbage));
		assertThat(devices()).isZero();
	}

	// ---- feeds (zip reader) ----

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "../../etc/kev.json", "/etc/kev.json", "C:\\Windows\\kev.json", "feeds/../../kev.json" })
	void aFeedZipWithAPathOutsideItIsRefusedAndNothingIsStored(String entry) throws Exception {
		byte[] zip = HostileFiles.zip(Map.of(entry, "{\"vulnerabilities\":[]}".getBytes()));

		assertFeedRefused(zip, "展開しません");
	}

	@Test
	void aFeedZipBombIsRefusedAndNothingIsStored() throws Exception {
		assertFeedRefused(HostileFiles.zipBomb("kev.json", 80), "大きすぎます");
	}

	@Test
	void aZipInsideAFeedZipIsNotOpened() throws Exception {
		byte[] inner = HostileFiles.zip(Map.of("kev.json", "{\"vulnerabilities\":[]}".getBytes()));
		Map<String, byte[]> outer = new LinkedHashMap<>();
		outer.put("nested.zip", inner);

		assertFeedRefused(HostileFiles.zip(outer), "読み込めるファイルがありません");
	}

	private void assertFeedRefused(byte[] zip, String reason) throws Exception {
		String admin = Fixtures.uniqueName("hostile-sysadmin");
		fixtures.clinicWith(admin, OrgRole.ADMIN);
		jdbc.sql("update app_user set system_admin = true where username = ?").param(admin).update();
		long before = count("vulnerability_feed");

		MvcResult result = mvc
			.perform(multipart("/admin/vulnerability/feeds")
				.file(new MockMultipartFile("files", "kev.zip", "application/zip", zip))
				.param("kind", "kev")
				.with(user(admin))
				.with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat((String) result.getFlashMap().get("feedError")).contains(reason);
		assertThat(count("vulnerability_feed")).isEqualTo(before);
	}

	// ---- evidence names ----

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "../../etc/passwd.pdf", "C:\\Windows\\system32\\x.pdf", "/etc/x.pdf", "a\u0000b.pdf",
			"請求書\u202Efdp.exe.pdf", "報告\r\nSet-Cookie: x=y.pdf" })
	void aPathLikeUploadNameIsOnlyADisplayNameAndDownloadsSafely(String name) throws Exception {
		String files = rowFiles();
		mvc.perform(multipart(files).file(new MockMultipartFile("file", name, "application/pdf", pdf()))
			.with(user(editor))
			.with(csrf()));

		List<EvidenceFile> stored = evidence.linkedTo(org.id(), "ledger-row", ref(files));
		assertThat(stored).singleElement().satisfies(file -> {
			assertThat(file.fileName()).doesNotContain("/", "\\", "\u0000", "\u202E", "\r", "\n").endsWith(".pdf");
			MockHttpServletResponse download = mvc
				.perform(get("/orgs/" + org.id() + "/evidence/" + file.id()).with(user(editor)))
				.andReturn()
				.getResponse();
			assertThat(download.getStatus()).isEqualTo(200);
			String disposition = download.getHeader("Content-Disposition");
			assertThat(disposition).startsWith("attachment; filename=").contains("filename*=UTF-8''");
			assertThat(disposition).doesNotContain("\r", "\n", "/", "\\");
		});
	}

	@Test
	void aThreeHundredCharacterNameIsRefusedAndNothingIsStored() throws Exception {
		String files = rowFiles();

		MvcResult result = mvc
			.perform(multipart(files)
				.file(new MockMultipartFile("file", "あ".repeat(296) + ".pdf", "application/pdf", pdf()))
				.with(user(editor))
				.with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat((String) result.getFlashMap().get("uploadError")).contains("255文字");
		assertThat(evidence.linkedTo(org.id(), "ledger-row", ref(files))).isEmpty();
	}

	// ---- sizes ----

	@Test
	void anUploadOverTheLimitGetsAJapanese413AndNothingIsStored() throws Exception {
		String files = rowFiles();
		byte[] big = new byte[22 * 1024 * 1024];
		System.arraycopy(pdf(), 0, big, 0, pdf().length);

		MockHttpServletResponse response = mvc
			.perform(multipart(files).file(new MockMultipartFile("file", "big.pdf", "application/pdf", big))
				.with(user(editor))
				.with(csrf())
				.with(request -> {
					// a body of the size a browser would send: MockMvc attaches the
					// file without one, so the request's length would be unknown
					request.setContent(new byte[big.length + 512]);
					return request;
				}))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(HostileParsers.isJapanese(response.getContentAsString(StandardCharsets.UTF_8))).isTrue();
		assertThat(evidence.linkedTo(org.id(), "ledger-row", ref(files))).isEmpty();
	}

	@Test
	void anEvidenceFileOverItsOwnLimitIsRefusedInJapanese() throws Exception {
		String files = rowFiles();
		byte[] big = new byte[(int) evidence.maxBytes() + 1];
		System.arraycopy(pdf(), 0, big, 0, pdf().length);

		MvcResult result = mvc
			.perform(multipart(files).file(new MockMultipartFile("file", "big.pdf", "application/pdf", big))
				.with(user(editor))
				.with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getStatus()).isLessThan(500);
		assertThat((String) result.getFlashMap().get("uploadError")).contains("大きすぎます");
		assertThat(evidence.linkedTo(org.id(), "ledger-row", ref(files))).isEmpty();
	}

	// ---- formula injection in exports ----

	@Test
	void formulasImportedIntoALedgerLeaveItNeutralisedInCsvAndAsTextInExcel() throws Exception {
		List<String> hostile = List.of("=HYPERLINK(\"http://example.invalid\",\"x\")", "+1+1", "-2+3", "@SUM(1,1)",
				"\tcmd", "\rcmd");
		StringBuilder csv = new StringBuilder("機器名,種別\r\n");
		for (String value : hostile) {
			csv.append('"').append(value.replace("\"", "\"\"")).append("\",サーバ\r\n");
		}
		MockHttpServletResponse imported = importDevices("devices.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8));
		assertThat(imported.getStatus()).as(imported.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);

		String exportedCsv = new String(export("csv"), StandardCharsets.UTF_8);
		// a leading tab or CR does not survive the import (values are stripped); the
		// other four come out with Excel's text apostrophe
		for (String value : hostile.subList(0, 4)) {
			assertThat(exportedCsv).contains("'" + value.replace("\"", "\"\""));
		}
		assertThat(exportedCsv.lines().skip(1))
			.allSatisfy(line -> assertThat(line.charAt(0)).isNotIn('=', '+', '-', '@'));

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export("xlsx")))) {
			var sheet = workbook.getSheetAt(0);
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				for (var cell : sheet.getRow(r)) {
					assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
				}
			}
		}
	}

	// ---- helpers ----

	private MockHttpServletResponse importDevices(String name, byte[] bytes) throws Exception {
		return mvc
			.perform(multipart("/api/v1/orgs/" + org.id() + "/devices/import")
				.file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
				.header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse();
	}

	private byte[] export(String format) throws Exception {
		return mvc
			.perform(get("/api/v1/orgs/" + org.id() + "/devices/export").param("format", format)
				.header("Authorization", "Bearer " + token))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private long devices() {
		return ledgers.require("devices") == null ? 0
				: jdbc.sql("select count(*) from " + ledgers.require("devices").table() + " where org_id = ?")
					.param(org.id().value())
					.query(Long.class)
					.single();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private String rowFiles() {
		var mds = ledgers.require("mds-sds");
		var row = records.create(mds, org.id(), Map.of(mds.labelKey(), "○○メディカル株式会社"), "test");
		return "/orgs/" + org.id() + "/ledgers/mds-sds/rows/" + row.id() + "/files";
	}

	private static String ref(String files) {
		String[] parts = files.split("/");
		return parts[4] + "/" + UUID.fromString(parts[6]);
	}

	private static byte[] pdf() {
		return "%PDF-1.7 hostile".getBytes(StandardCharsets.US_ASCII);
	}

	private static void assertRefusedInJapanese(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isBetween(400, 499);
		assertThat(HostileParsers.isJapanese(response.getContentAsString(StandardCharsets.UTF_8)))
			.as(response.getContentAsString(StandardCharsets.UTF_8))
			.isTrue();
	}

}
