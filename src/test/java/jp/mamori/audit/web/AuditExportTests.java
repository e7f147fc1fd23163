package jp.mamori.audit.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import jp.mamori.audit.AuditEntry;
import jp.mamori.audit.AuditTrail;
import jp.mamori.audit.ExportAuditTrail;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Exporting the filtered trail as the アクセスログ of R7 2-⑪: CSV in UTF-8 with a BOM or in
 * CP932, or Excel; every download is itself recorded in the trail.
 */
@IntegrationTest
class AuditExportTests {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final List<String> HEADER = List.of("連番", "日時（日本時間）", "実行者", "操作", "操作コード", "対象", "内容", "ハッシュ",
			"前のハッシュ");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AuditTrail trail;

	private String admin;

	private Organization org;

	private AuditEntry contract;

	private AuditEntry answer;

	@BeforeEach
	void clinicWithATrail() {
		admin = Fixtures.uniqueName("export-admin");
		org = fixtures.clinicWith(admin, OrgRole.ADMIN);
		contract = trail.append(org.id(), admin, "organization.contract.recorded", "保守ベンダー株式会社", "電子カルテ〜画像システム");
		trail.append(org.id(), admin, "evidence.stored", "=HYPERLINK(\"http://example.invalid\")", "ファイル名に数式");
		answer = trail.append(org.id(), admin, "assessment.answer.recorded", "2-⑥ 𠮷野家", "いいえ → はい");
	}

	@Test
	void writesUtf8CsvWithBomHeaderAndOneRowPerFilteredEntry() throws Exception {
		MockHttpServletResponse response = export("?format=csv&action=organization.contract");

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
		assertThat(response.getHeader("Content-Disposition"))
			.matches("attachment; filename=\"mamori-audit-20250615-100000\\.csv\"");
		byte[] bytes = response.getContentAsByteArray();
		assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(BOM);
		List<CSVRecord> records = csv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
		assertThat(records.get(0).toList()).isEqualTo(HEADER);
		assertThat(records).hasSize(2);
		assertThat(records.get(1).toList()).containsExactly(Long.toString(contract.seq()), "2025-06-15 10:00:00", admin,
				"事業者との契約を登録", "organization.contract.recorded", "保守ベンダー株式会社", "電子カルテ〜画像システム", contract.hash(),
				contract.prevHash());
	}

	@Test
	void writesTheWholeTrailOldestFirstWithoutFilters() throws Exception {
		List<CSVRecord> records = csv(utf8WithoutBom(export("").getContentAsByteArray()));

		List<String> actions = records.stream().skip(1).map(r -> r.get(4)).toList();
		assertThat(actions).startsWith("organization.created", "identity.user.created")
			.endsWith("organization.contract.recorded", "evidence.stored", "assessment.answer.recorded");
		assertThat(records.stream().skip(1).map(r -> Long.parseLong(r.get(0)))).isSorted();
	}

	@Test
	void keepsExcelFromReadingTypedTextAsAFormula() throws Exception {
		List<CSVRecord> records = csv(utf8WithoutBom(export("?action=evidence.stored").getContentAsByteArray()));

		assertThat(records.get(1).get(5)).isEqualTo("'=HYPERLINK(\"http://example.invalid\")");
	}

	@Test
	void writesShiftJisOnRequestReplacingWhatCp932CannotHold() throws Exception {
		MockHttpServletResponse response = export("?format=csv&encoding=cp932");

		assertThat(response.getContentType()).containsIgnoringCase("charset=windows-31j");
		byte[] bytes = response.getContentAsByteArray();
		assertThat(Arrays.copyOf(bytes, 3)).isNotEqualTo(BOM);
		List<CSVRecord> records = csv(new String(bytes, Charset.forName("windows-31j")));
		assertThat(records.get(0).toList()).isEqualTo(HEADER);
		CSVRecord contractRow = row(records, contract.seq());
		assertThat(contractRow.get(3)).isEqualTo("事業者との契約を登録");
		// the wave dash is written in its CP932 form instead of being lost
		assertThat(contractRow.get(6)).isEqualTo("電子カルテ～画像システム");
		CSVRecord answerRow = row(records, answer.seq());
		assertThat(answerRow.get(5)).isEqualTo("2-⑥ ?野家");
		assertThat(answerRow.get(6)).isEqualTo("いいえ → はい");
	}

	@Test
	void writesAnExcelWorkbookWithAHeaderRow() throws Exception {
		MockHttpServletResponse response = export("?format=xlsx&actor=" + admin);

		assertThat(response.getContentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(response.getHeader("Content-Disposition")).contains("mamori-audit-20250615-100000.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(workbook.getSheetName(0)).isEqualTo("監査証跡");
			DataFormatter formatter = new DataFormatter();
			assertThat(sheet.getRow(0)).extracting(formatter::formatCellValue).containsExactlyElementsOf(HEADER);
			Row last = sheet.getRow(sheet.getLastRowNum());
			assertThat(last.getCell(0).getNumericCellValue()).isEqualTo(answer.seq());
			assertThat(DateUtil.isCellDateFormatted(last.getCell(1))).isTrue();
			assertThat(last.getCell(1).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 6, 15, 10, 0));
			assertThat(formatter.formatCellValue(last.getCell(1))).isEqualTo("2025-06-15 10:00:00");
			assertThat(last.getCell(3).getStringCellValue()).isEqualTo("回答を保存");
			assertThat(last.getCell(5).getStringCellValue()).isEqualTo("2-⑥ 𠮷野家");
			assertThat(last.getCell(6).getStringCellValue()).isEqualTo("いいえ → はい");
			assertThat(last.getCell(7).getStringCellValue()).isEqualTo(answer.hash());
			Row formula = sheet.getRow(sheet.getLastRowNum() - 1);
			assertThat(formula.getCell(5).getCellType()).isEqualTo(CellType.STRING);
			assertThat(formula.getCell(5).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://example.invalid\")");
			// the three entries by the administrator, below the header
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
		}
	}

	@Test
	void recordsEveryDownloadInTheTrail() throws Exception {
		export("?format=xlsx&action=assessment&q=はい");

		AuditEntry recorded = trail.entries(org.id(), 1).get(0);
		assertThat(recorded.action()).isEqualTo(ExportAuditTrail.ACTION);
		assertThat(recorded.actor()).isEqualTo(admin);
		assertThat(recorded.target()).isEqualTo("mamori-audit-20250615-100000.xlsx");
		assertThat(recorded.detail()).contains("Excel", "1 件", "操作 assessment", "文字列「はい」");

		// and the next export lists the first one
		List<CSVRecord> records = csv(utf8WithoutBom(export("?action=audit").getContentAsByteArray()));
		assertThat(records).hasSize(2);
		assertThat(records.get(1).get(3)).isEqualTo("監査証跡を出力");
		assertThat(records.get(1).get(2)).isEqualTo(admin);
	}

	@Test
	void refusesAnUnknownFormatOrEncodingWithTheReason() throws Exception {
		MockHttpServletResponse pdf = export("?format=pdf");
		MockHttpServletResponse latin1 = export("?format=csv&encoding=latin1");

		assertThat(pdf.getStatus()).isEqualTo(400);
		assertThat(pdf.getContentAsString(StandardCharsets.UTF_8)).contains("csv または xlsx");
		assertThat(pdf.getHeader("Content-Disposition")).isNull();
		assertThat(latin1.getStatus()).isEqualTo(400);
		assertThat(trail.entries(org.id(), 1).get(0).action()).isNotEqualTo(ExportAuditTrail.ACTION);
	}

	@Test
	void neverExportsAnotherOrganisationsEntries() throws Exception {
		String neighbourAdmin = Fixtures.uniqueName("export-neighbour");
		Organization neighbour = fixtures.clinicWith(neighbourAdmin, OrgRole.ADMIN);
		trail.append(neighbour.id(), admin, "evidence.stored", "隣.pdf", "隣の記録");

		String csv = utf8WithoutBom(export("?actor=" + admin).getContentAsByteArray());

		assertThat(csv).doesNotContain("隣の記録", neighbourAdmin);
	}

	private MockHttpServletResponse export(String query) throws Exception {
		return mvc.perform(get("/orgs/" + org.id() + "/audit/export" + query).with(user(admin)))
			.andReturn()
			.getResponse();
	}

	private static String utf8WithoutBom(byte[] bytes) {
		assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(BOM);
		return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
	}

	private static List<CSVRecord> csv(String text) throws IOException {
		assertThat(text).contains("\r\n");
		return CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
	}

	private static CSVRecord row(List<CSVRecord> records, long seq) {
		return records.stream().filter(r -> r.get(0).equals(Long.toString(seq))).findFirst().orElseThrow();
	}

}
