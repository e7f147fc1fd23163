package jp.mamori.reporting;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.mamori.continuity.ContactLedger;
import jp.mamori.continuity.ContinuityLedgers;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.FixedClockConfiguration;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import jp.mamori.support.LedgerMother;
import jp.mamori.vendor.VendorLedgers;
import jp.mamori.vendorportal.VendorLinks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The printable incident binder and the reminder to print it again. */
@IntegrationTest
class IncidentBinderTests {

	private static final String GENERATED = "作成日時 令和7年6月15日 10:00";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerMother ledgers;

	@Autowired
	Ledgers definitions;

	@Autowired
	LedgerStore store;

	@Autowired
	IncidentBinder binder;

	@Autowired
	Organizations organizations;

	@Autowired
	VendorLinks vendorLinks;

	private Fixtures.ClinicWithChecklist clinic;

	private LedgerRow director;

	@BeforeEach
	void clinicWithContacts() {
		clinic = fixtures.clinicWithR7Checklist("binder", OrgRole.VIEWER);
		var org = clinic.org().id();
		director = ledgers.row(ContactLedger.CONTACTS, org, Map.of("name", "院長 山田", "category", "director", "phone",
				"090-1234-5678", "phoneAfterHours", "090-8765-4321", "escalationOrder", "1"));
		ledgers.row(ContactLedger.CONTACTS, org,
				Map.of("name", "生活安全課", "organization", "○○警察署", "category", "police", "phone", "03-1111-2222"));
		ledgers.row(ContinuityLedgers.RECOVERY_PROCEDURES, org, Map.of("system", "電子カルテ", "priority", "1", "rtoHours",
				"24", "steps", "ネットワークから切り離す、オフラインのバックアップから復元する"));
		ledgers.row(ContinuityLedgers.BACKUPS, org, Map.of("system", "電子カルテ", "location", "外付けHDD（金庫）"));
		ledgers.row(VendorLedgers.VENDORS, org,
				Map.of("name", "みどりメディカル株式会社", "phone", "0120-111-222", "systems", "電子カルテ"));
		// the vendor organisation linked by contract: its contract number belongs in the
		// binder
		var vendor = organizations.create("みどりメディカル " + Fixtures.uniqueName("binder-vendor"), OrgKind.VENDOR, "test");
		vendorLinks.link(org, vendor.id().toString(), List.of("電子カルテ"), "保守契約 第34号", "夜間 0120-999-000", "test");
	}

	@Test
	void printsTheContactsProceduresAndTheDateOnEveryPage() throws Exception {
		byte[] pdf = mvc
			.perform(get("/api/v1/orgs/" + clinic.org().id() + "/incident-binder").with(user(clinic.username())))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String all = new PDFTextStripper().getText(document);
			assertThat(all).contains("施設名: " + clinic.org().name())
				.contains("LAN ケーブルを抜く")
				.contains("電源は切らない")
				.contains("090-1234-5678")
				.contains("090-8765-4321")
				.contains("03-1111-2222")
				.contains("オフラインのバックアップから復元する")
				.contains("1. 電子カルテ（目標 24 時間以内）")
				.contains("外付けHDD（金庫）")
				.contains("0120-111-222")
				.contains("保守契約 第34号")
				.contains("夜間 0120-999-000")
				.contains("報告様式: 厚生労働省への報告")
				.contains(ContactLedger.MHLW_PHONE)
				.contains("個人情報保護委員会");
			assertThat(document.getNumberOfPages()).isGreaterThan(3);
			for (int page = 1; page <= document.getNumberOfPages(); page++) {
				assertThat(pageText(document, page)).as("page %d", page).contains(GENERATED);
			}
		}
	}

	@Test
	void remindsToPrintAgainAfterTheLedgersChange() {
		var org = clinic.org().id();
		assertThat(binder.status(org).neverPrinted()).isTrue();

		binder.print(org, "test");
		assertThat(binder.status(org).neverPrinted()).isFalse();
		assertThat(binder.status(org).changedSincePrint()).isFalse();

		var contacts = definitions.require(ContactLedger.CONTACTS);
		Map<String, Object> values = new java.util.HashMap<>(director.values());
		values.put("phone", "090-0000-0000");
		store.update(contacts, org, director.id(), null, values,
				FixedClockConfiguration.NOW.toInstant().plus(Duration.ofHours(1)), "test");

		assertThat(binder.status(org).changedSincePrint()).isTrue();
	}

	@Test
	void showsTheReminderOnTheReportsPage() throws Exception {
		String page = mvc.perform(get("/orgs/" + clinic.org().id() + "/reports").with(user(clinic.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("id=\"binder-never\"").contains("/incident-binder").contains("/evidence-pack");
	}

	@Test
	void forbidsAUserOfAnotherOrganisation() throws Exception {
		String stranger = Fixtures.uniqueName("binder-stranger");
		fixtures.clinicWith(stranger, OrgRole.ADMIN);

		mvc.perform(get("/api/v1/orgs/" + clinic.org().id() + "/incident-binder").with(user(stranger)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/orgs/" + clinic.org().id() + "/reports").with(user(stranger)))
			.andExpect(status().isForbidden());
	}

	private static String pageText(PDDocument document, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(document);
	}

}
