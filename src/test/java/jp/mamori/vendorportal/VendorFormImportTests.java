package jp.mamori.vendorportal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jp.mamori.assessment.AnswerValue;
import jp.mamori.assessment.Assessment;
import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.assessment.CreateAssessment;
import jp.mamori.audit.AuditEntry;
import jp.mamori.audit.AuditTrail;
import jp.mamori.catalog.Catalog;
import jp.mamori.catalog.CatalogItem;
import jp.mamori.catalog.FormCode;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.reporting.ChecklistExport;
import jp.mamori.reporting.ExportFormat;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A clinic imports a vendor's filled 事業者確認用 Excel: the form is exported by Mamori itself,
 * filled here with POI as a vendor would, previewed with per-row errors and stored as an
 * accepted vendor answer. Hostile files are refused in Japanese and nothing is stored.
 */
@IntegrationTest
class VendorFormImportTests {

	@Autowired
	jp.mamori.support.VendorLinkMother vendorLinks;

	/** The official layout: header row, then per round 確認結果 / 確認日 / 目標日, 備考 last. */
	static final int HEADER_ROW = 6;

	static final int RESULT = 3;

	static final int CHECKED_ON = 4;

	static final int TARGET = 5;

	static final int NOTE = 6;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organizations organizations;

	@Autowired
	VendorFormImport imports;

	@Autowired
	VendorRequests requests;

	@Autowired
	ChecklistExport export;

	@Autowired
	CreateAssessment createAssessment;

	@Autowired
	AssessmentQueries assessments;

	@Autowired
	Catalog catalog;

	@Autowired
	AuditTrail audit;

	List<CatalogItem> items() {
		return catalog.requireForm("R7", FormCode.VENDOR).items();
	}

	/** The blank 事業者確認用 form as Mamori exports it (here from a scratch organisation). */
	byte[] exportedBlankForm() {
		Organization scratch = fixtures.clinicWith(Fixtures.uniqueName("vfi-export"), OrgRole.ADMIN);
		Assessment blank = createAssessment.create(scratch.id(), 2025, "R7", FormCode.VENDOR.code(), null, "test");
		return export.export(scratch.id(), blank.id(), 1, ExportFormat.XLSX, "test");
	}

	/**
	 * What a vendor writes: every row はい checked 令和7年6月1日 (text, as the form prints
	 * dates), the second row いいえ with 目標日 and 備考, the first row's 確認日 typed as a real
	 * Excel date.
	 */
	byte[] filled(byte[] form, String secondResult, String secondTarget) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(form));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(HEADER_ROW).getCell(0).getStringCellValue()).isEqualTo("項目番号");
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
			for (int r = HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				String label = row.getCell(0).getStringCellValue();
				if (label.equals(items().get(0).label())) {
					row.getCell(RESULT).setCellValue("はい");
					row.getCell(CHECKED_ON).setCellValue(LocalDate.of(2025, 5, 20));
					row.getCell(CHECKED_ON).setCellStyle(dateStyle);
				}
				else if (label.equals(items().get(1).label())) {
					row.getCell(RESULT).setCellValue(secondResult);
					row.getCell(CHECKED_ON).setCellValue("令和7年6月1日");
					row.getCell(TARGET).setCellValue(secondTarget);
					row.getCell(NOTE).setCellValue("令和8年3月までにリモート保守の接続先を限定");
				}
				else if (items().stream().anyMatch(i -> i.label().equals(label))) {
					row.getCell(RESULT).setCellValue("はい");
					row.getCell(CHECKED_ON).setCellValue("令和7年6月1日");
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void exportedVendorFormFilledInExcelComesBackAsTheAcceptedAnswer() throws Exception {
		String username = Fixtures.uniqueName("vfi-clinic");
		Organization clinic = fixtures.clinicWith(username, OrgRole.EDITOR);
		Organization vendor = organizations.create("紙の事業者 " + username, OrgKind.VENDOR, "test");
		// the form is recorded for a vendor the clinic has a contract link with
		vendorLinks.link(clinic.id(), vendor.id(), "電子カルテ");
		byte[] file = filled(exportedBlankForm(), "いいえ", "令和8年3月31日");

		var previewed = mvc
			.perform(multipart("/orgs/" + clinic.id() + "/vendor-requests/import")
				.file(new MockMultipartFile("file", "事業者確認用_記入済.xlsx", "application/octet-stream", file))
				.param("vendor", vendor.id().toString())
				.param("fiscalYear", "2025")
				.param("version", "R7")
				.param("systems", "電子カルテ")
				.with(user(username))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		String preview = previewed.getContentAsString(StandardCharsets.UTF_8);
		// the file waits in the session (Spring Session: carried by its cookie)
		var sessionCookie = previewed.getCookies();
		assertThat(preview).contains("令和8年3月31日", "リモート保守の接続先を限定", vendor.name()).doesNotContain("preview-problems");
		// the preview stores nothing
		assertThat(requests.ofClient(clinic.id())).isEmpty();

		var confirmed = mvc
			.perform(post("/orgs/" + clinic.id() + "/vendor-requests/import/confirm").cookie(sessionCookie)
				.with(user(username))
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(confirmed.getStatus()).as(confirmed.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);

		VendorRequest request = requests.ofClient(clinic.id()).get(0);
		assertThat(request.status()).isEqualTo(VendorRequestStatus.ACCEPTED);
		assertThat(request.source()).isEqualTo(VendorRequest.EXCEL);
		assertThat(request.vendor()).isEqualTo(vendor.id());
		var view = assessments.view(clinic.id(), request.assessmentId());
		for (CatalogItem item : items()) {
			var answer = view.row(item.id()).orElseThrow().round(1).answer();
			if (item.equals(items().get(1))) {
				assertThat(answer.value()).isEqualTo(AnswerValue.NO);
				assertThat(answer.targetDate()).isEqualTo(LocalDate.of(2026, 3, 31));
				assertThat(answer.note()).isEqualTo("令和8年3月までにリモート保守の接続先を限定");
			}
			else {
				assertThat(answer.value()).as(item.label()).isEqualTo(AnswerValue.YES);
				assertThat(answer.targetDate()).isNull();
			}
			assertThat(answer.checkedOn()).as(item.label())
				.isEqualTo(item.equals(items().get(0)) ? LocalDate.of(2025, 5, 20) : LocalDate.of(2025, 6, 1));
		}
		assertThat(audit.entries(clinic.id(), 20)).extracting(AuditEntry::action).contains("vendor-request.imported");
	}

	@Test
	void rowErrorsNameTheRowAndFieldAndNothingIsStored() throws Exception {
		Organization clinic = fixtures.clinicWith(Fixtures.uniqueName("vfi-bad"), OrgRole.EDITOR);
		Organization vendor = organizations.create("紙の事業者 " + Fixtures.uniqueName("v"), OrgKind.VENDOR, "test");
		byte[] file = filled(exportedBlankForm(), "たぶん", "来年");

		VendorFormImport.Preview preview = imports.preview("R7", 2025, file);
		String second = items().get(1).label();
		assertThat(preview.problems()).extracting(VendorFormImport.Problem::message)
			.anyMatch(m -> m.matches("\\d+行目 確認結果（" + second + "）: 「はい」か「いいえ」を入力してください"))
			.anyMatch(m -> m.matches("\\d+行目 目標日（" + second + "）: 日付として読めません.*"));
		assertThat(preview.problems()).allMatch(p -> p.rowNumber() > HEADER_ROW + 1);

		// いいえ with a 目標日 outside the 年度
		byte[] late = filled(exportedBlankForm(), "いいえ", "令和9年4月1日");
		assertThat(imports.preview("R7", 2025, late).problems()).extracting(VendorFormImport.Problem::message)
			.anyMatch(m -> m.contains("目標日（" + second + "）: 令和7年度内の日付にしてください"));

		assertThatThrownBy(
				() -> imports.confirm(clinic.id(), vendor.id().toString(), 2025, "R7", "電子カルテ", "x.xlsx", file, "test"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("確認結果");
		assertThat(requests.ofClient(clinic.id())).isEmpty();
		assertThat(assessments.list(clinic.id())).noneMatch(a -> a.form() == FormCode.VENDOR);
	}

	@Test
	void hostileFilesAreRefusedInJapanese() throws Exception {
		byte[] tooLarge = new byte[(int) imports.maxBytes() + 1];
		tooLarge[0] = 'P';
		tooLarge[1] = 'K';
		tooLarge[2] = 3;
		tooLarge[3] = 4;
		assertThatThrownBy(() -> imports.preview("R7", 2025, tooLarge)).isInstanceOf(BadInputException.class)
			.hasMessageContaining("ファイルが大きすぎます");
		assertThatThrownBy(() -> imports.preview("R7", 2025, "項目番号,確認結果\n1-①,はい\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("Excel ファイル（.xlsx）ではありません");
		byte[] brokenZip = "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> imports.preview("R7", 2025, brokenZip)).isInstanceOf(BadInputException.class)
			.hasMessageContaining("として読めません");
		// a valid workbook that is not the form
		try (XSSFWorkbook other = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			other.createSheet("名簿").createRow(0).createCell(0).setCellValue("氏名");
			other.write(out);
			assertThatThrownBy(() -> imports.preview("R7", 2025, out.toByteArray()))
				.isInstanceOf(BadInputException.class)
				.hasMessageContaining("「項目番号」の見出し行が見つかりません");
		}

		// through the page: the error is shown, nothing is stored
		String username = Fixtures.uniqueName("vfi-hostile");
		Organization clinic = fixtures.clinicWith(username, OrgRole.EDITOR);
		String page = mvc
			.perform(multipart("/orgs/" + clinic.id() + "/vendor-requests/import")
				.file(new MockMultipartFile("file", "virus.xlsx", "application/octet-stream",
						"MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)))
				.param("fiscalYear", "2025")
				.with(user(username))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Excel ファイル（.xlsx）ではありません");
		// confirming without a previewed file does nothing
		mvc.perform(post("/orgs/" + clinic.id() + "/vendor-requests/import/confirm").with(user(username)).with(csrf()))
			.andExpect(status().isOk());
		assertThat(requests.ofClient(clinic.id())).isEmpty();
	}

}
