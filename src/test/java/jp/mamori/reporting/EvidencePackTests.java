package jp.mamori.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jp.mamori.accesslog.AccessLogLedgers;
import jp.mamori.account.AccountLedgers;
import jp.mamori.continuity.ContactLedger;
import jp.mamori.continuity.ContinuityLedgers;
import jp.mamori.identity.OrgRole;
import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.policy.PolicyLedgers;
import jp.mamori.assessment.CreateAssessment;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import jp.mamori.support.LedgerMother;
import jp.mamori.vendor.VendorLedgers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The 立入検査 evidence pack downloaded through the REST API. */
@IntegrationTest
class EvidencePackTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerMother ledgers;

	@Autowired
	CreateAssessment createAssessment;

	private Fixtures.ClinicWithChecklist clinic;

	@BeforeEach
	void clinicWithLedgers() {
		clinic = fixtures.clinicWithR7Checklist("pack", OrgRole.VIEWER);
		var org = clinic.org().id();
		ledgers.row(VendorLedgers.VENDORS, org, Map.of("name", "みどりメディカル株式会社", "phone", "0120-111-222"));
		ledgers.row(InventoryLedgers.DEVICES, org, Map.of("name", "受付PC-01"));
		ledgers.row(InventoryLedgers.DEVICES, org, Map.of("name", "電子カルテサーバ"));
		ledgers.row(AccountLedgers.ACCOUNTS, org, Map.of("system", "電子カルテ", "userId", "admin01"));
		ledgers.row(AccessLogLedgers.LOG_SOURCES, org, Map.of());
		ledgers.row(ContinuityLedgers.BACKUPS, org, Map.of("system", "電子カルテ", "location", "外付けHDD（金庫）"));
		ledgers.row(ContinuityLedgers.BCP_POINTS, org, Map.of("phase", "normal", "point", "オフラインのバックアップを取る"));
		ledgers.row(ContactLedger.CONTACTS, org,
				Map.of("name", "院長 山田", "category", "director", "phone", "090-1234-5678"));
		ledgers.row(PolicyLedgers.DOCUMENTS, org,
				Map.of("title", "医療情報システム運用管理規程", "kind", "operating_rules", "approvedOn", "2025-04-01"));
	}

	@Test
	void zipsTheFormsLedgersChartAndAnIndexBinder() throws Exception {
		byte[] zip = download("/api/v1/orgs/" + clinic.org().id() + "/evidence-pack?fy=2025", clinic.username());

		Map<String, byte[]> entries = unzip(zip);
		assertThat(entries.keySet()).contains("02_事業者/事業者一覧.xlsx", "02_事業者/MDS・SDS開示書一覧.xlsx", "03_台帳/機器台帳.xlsx",
				"03_台帳/システムアカウント.xlsx", "03_台帳/ログリスト.xlsx", "03_台帳/バックアップ.xlsx", "04_連絡体制/連絡体制図.svg",
				"05_BCP/BCP要約.pdf", "06_規程/運用管理規程.pdf", EvidencePack.BINDER);
		assertThat(entries.keySet()).anyMatch(n -> n.startsWith("01_チェックリスト/") && n.endsWith(".xlsx"))
			.anyMatch(n -> n.startsWith("01_チェックリスト/") && n.endsWith(".pdf"));
		try (XSSFWorkbook devices = new XSSFWorkbook(new ByteArrayInputStream(entries.get("03_台帳/機器台帳.xlsx")))) {
			assertThat(devices.getSheetAt(0).getLastRowNum()).isEqualTo(2);
		}
		assertThat(new String(entries.get("04_連絡体制/連絡体制図.svg"), java.nio.charset.StandardCharsets.UTF_8))
			.contains("院長 山田");
		assertThat(text(entries.get("06_規程/運用管理規程.pdf"))).contains("医療情報システム運用管理規程");

		String binder = text(entries.get(EvidencePack.BINDER));
		assertThat(binder).contains("施設名: " + clinic.org().name())
			.contains("作成日時 令和7年6月15日 10:00")
			.contains("03_台帳/機器台帳.xlsx")
			.contains("索引");
	}

	@Test
	void holdsOneVendorFormPerVendorNamedOnTheForm() throws Exception {
		createAssessment.create(clinic.org().id(), 2025, "R7", "vendor", null, "みどりメディカル株式会社", "test");
		createAssessment.create(clinic.org().id(), 2025, "R7", "vendor", null, "あおば電子", "test");

		Map<String, byte[]> entries = unzip(
				download("/api/v1/orgs/" + clinic.org().id() + "/evidence-pack?fy=2025", clinic.username()));

		for (String vendor : List.of("みどりメディカル株式会社", "あおば電子")) {
			String xlsx = entries.keySet()
				.stream()
				.filter(n -> n.startsWith("01_チェックリスト/") && n.contains("事業者確認用（" + vendor + "）") && n.endsWith(".xlsx"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no vendor form of " + vendor + " in " + entries.keySet()));
			assertThat(entries).containsKey(xlsx.replace(".xlsx", ".pdf"));
			try (XSSFWorkbook form = new XSSFWorkbook(new ByteArrayInputStream(entries.get(xlsx)))) {
				assertThat(cellTexts(form)).anyMatch(t -> t.contains("事業者名: " + vendor + "（" + clinic.org().name()));
			}
		}
	}

	static List<String> cellTexts(XSSFWorkbook book) {
		List<String> texts = new java.util.ArrayList<>();
		book.getSheetAt(0).forEach(row -> row.forEach(cell -> {
			if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
				texts.add(cell.getStringCellValue());
			}
		}));
		return texts;
	}

	@Test
	void marksTheZipEntryNamesAsUtf8() throws Exception {
		byte[] zip = download("/api/v1/orgs/" + clinic.org().id() + "/evidence-pack?fy=2025", clinic.username());

		// general purpose bit 11 (language encoding flag) of the first local file header
		int flags = (zip[6] & 0xFF) | (zip[7] & 0xFF) << 8;
		assertThat(flags & 0x800).isNotZero();
	}

	@Test
	void refusesAYearWithoutAChecklistInJapanese() throws Exception {
		mvc.perform(get("/api/v1/orgs/" + clinic.org().id() + "/evidence-pack?fy=2023").with(user(clinic.username())))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("令和5年度のチェックリストがありません")));
	}

	@Test
	void forbidsAUserOfAnotherOrganisation() throws Exception {
		String stranger = Fixtures.uniqueName("pack-stranger");
		fixtures.clinicWith(stranger, OrgRole.ADMIN);

		mvc.perform(get("/api/v1/orgs/" + clinic.org().id() + "/evidence-pack?fy=2025").with(user(stranger)))
			.andExpect(status().isForbidden());
	}

	private byte[] download(String url, String username) throws Exception {
		MvcResult started = mvc.perform(get(url).with(user(username))).andExpect(request().asyncStarted()).andReturn();
		// rendering the forms takes seconds on a busy machine: wait for the stream to end
		started.getAsyncResult(120_000);
		return mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/zip"))
			.andExpect(header().string("Content-Disposition",
					org.hamcrest.Matchers.startsWith("attachment; filename=\"evidence-pack-2025.zip\"")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
