package jp.mamori.reporting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.mamori.assessment.AnswerCommand;
import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.assessment.CreateAssessment;
import jp.mamori.assessment.RecordAnswer;
import jp.mamori.identity.OrgRole;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The management one-pager: the read model, the page and the PDF read back with PDFBox.
 * The test clock stands at 令和7年6月15日.
 */
@IntegrationTest
class ManagementSummaryTests {

	private static final String LEAVER_RISK = "退職した職員のアカウントが有効なまま残っています";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerRecords records;

	@Autowired
	Ledgers ledgers;

	@Autowired
	RecordAnswer recordAnswer;

	@Autowired
	CreateAssessment createAssessment;

	@Autowired
	ManagementSummary summaries;

	@Autowired
	AssessmentQueries assessments;

	/**
	 * A clinic whose leaver still has an enabled 電子カルテ account, 2-⑤ answered はい
	 * (contradicted by the ledgers) and 2-⑥ answered いいえ with a 目標日 already past.
	 */
	private Fixtures.ClinicWithChecklist clinicWithRisks() {
		var clinic = fixtures.clinicWithR7Checklist("summary", OrgRole.VIEWER);
		var org = clinic.org().id();
		records.create(ledgers.require("staff"), org,
				Map.of("name", "山田 花子", "employmentStatus", "退職", "leftOn", "2025-03-31"), "test");
		records.create(ledgers.require("accounts"), org,
				Map.of("system", "電子カルテ", "userId", "yamada", "staffName", "山田 花子"), "test");
		recordAnswer.record(org, clinic.assessment(), 1, "2-5",
				new AnswerCommand("yes", LocalDate.of(2025, 4, 10), null, null, null), "test");
		recordAnswer.record(org, clinic.assessment(), 1, "2-6",
				new AnswerCommand("no", LocalDate.of(2025, 4, 10), LocalDate.of(2025, 5, 31), null, null), "test");
		return clinic;
	}

	private static String url(Fixtures.ClinicWithChecklist clinic, String suffix) {
		return "/orgs/" + clinic.org().id() + "/assessments/" + clinic.assessment() + suffix;
	}

	@Test
	void summarizesRisksOverdueItemsDisagreementsAndTrends() {
		var clinic = clinicWithRisks();
		createAssessment.create(clinic.org().id(), 2024, "R6", "institution", null, "test");

		ManagementSummary.Summary s = summaries.summarize(clinic.org().id(), clinic.assessment());

		assertThat(s.orgName()).isEqualTo(clinic.org().name());
		assertThat(s.fiscalYear()).isEqualTo("令和7年度");
		assertThat(s.round()).isEqualTo(1);
		assertThat(s.total().yes()).isEqualTo(1);
		assertThat(s.total().no()).isEqualTo(1);
		assertThat(s.risks()).hasSizeLessThanOrEqualTo(ManagementSummary.TOP_RISKS).anySatisfy(r -> {
			assertThat(r.checkId()).isEqualTo("account.no-leaver-enabled");
			assertThat(r.sentence()).isEqualTo(LEAVER_RISK);
			assertThat(r.reason()).contains("yamada");
			assertThat(r.items()).contains("2-⑤");
		});
		assertThat(s.evidence().contradicted()).isGreaterThanOrEqualTo(1);
		assertThat(s.evidence().disagreements()).isGreaterThanOrEqualTo(1);
		assertThat(s.overdue()).singleElement().satisfies(o -> {
			assertThat(o.itemId()).isEqualTo("2-6");
			assertThat(o.targetDateWareki()).isEqualTo("令和7年5月31日");
		});
		assertThat(s.rounds()).singleElement().satisfies(r -> assertThat(r.yes()).isEqualTo(1));
		assertThat(s.hasYearTrend()).isTrue();
		assertThat(s.years()).extracting(ManagementSummary.YearTrend::fiscalYear).containsExactly("令和6年度", "令和7年度");
		assertThat(s.years()).extracting(ManagementSummary.YearTrend::current).containsExactly(false, true);
	}

	@Test
	void ordersRisksBySeverity() {
		var clinic = clinicWithRisks();

		List<ManagementSummary.Risk> risks = summaries.summarize(clinic.org().id(), clinic.assessment()).risks();

		List<Integer> severities = risks.stream()
			.map(r -> jp.mamori.reporting.internal.RiskWording.severity(r.checkId()))
			.toList();
		assertThat(severities).isSorted();
	}

	@Test
	void showsThePageWithTheOrganisationARiskAndTheSignatureLine() throws Exception {
		var clinic = clinicWithRisks();

		String page = mvc.perform(get(url(clinic, "/summary")).with(user(clinic.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("経営層向けサマリー")
			.contains(clinic.org().name())
			.contains(LEAVER_RISK)
			.contains("yamada")
			.contains("令和7年5月31日")
			.contains("id=\"summary-signature\"")
			.contains("安全管理責任者:")
			.contains("確認日:")
			.contains("summary.pdf");
	}

	@Test
	void linksTheSummaryFromTheDashboard() throws Exception {
		var clinic = clinicWithRisks();

		String page = mvc.perform(get("/orgs/" + clinic.org().id() + "/dashboard").with(user(clinic.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("id=\"summary-link\"").contains(url(clinic, "/summary"));
	}

	@Test
	void printsAOnePagePortraitPdfInJapaneseWithEmbeddedFonts() throws Exception {
		var clinic = clinicWithRisks();

		MvcResult result = mvc.perform(get(url(clinic, "/summary.pdf")).with(user(clinic.username())))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn();
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("attachment")
			.contains("summary-R7-institution-2025.pdf");

		try (PDDocument document = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			PDPage page = document.getPage(0);
			assertThat(page.getMediaBox().getHeight()).isGreaterThan(page.getMediaBox().getWidth());
			String text = withoutSpaces(new PDFTextStripper().getText(document));
			assertThat(text).contains("経営層向けサマリー", withoutSpaces(clinic.org().name()), LEAVER_RISK, "令和7年度",
					"令和7年6月15日", "令和7年5月31日", "安全管理責任者:", "確認日:");
			// PDFBox 3.0.7 wrote 日 as the Kangxi radical U+2F47 (see STACK.md)
			assertThat(text).doesNotContain("\u2F47").doesNotContain("\u2F93");
			List<PDFont> fonts = new ArrayList<>();
			PDResources resources = page.getResources();
			for (COSName name : resources.getFontNames()) {
				fonts.add(resources.getFont(name));
			}
			assertThat(fonts).isNotEmpty().allSatisfy(font -> {
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				assertThat(font.getName()).contains("IPAexGothic");
			});
		}
	}

	@Test
	void keepsThePdfToOnePageWhenEveryItemIsOverdue() throws Exception {
		var clinic = clinicWithRisks();
		var org = clinic.org().id();
		for (var row : assessments.view(org, clinic.assessment()).rows()) {
			if (!row.item().isGate() && !row.item().id().equals("2-5")) {
				recordAnswer.record(org, clinic.assessment(), 1, row.item().id(),
						new AnswerCommand("no", LocalDate.of(2025, 4, 10), LocalDate.of(2025, 5, 31), null, null),
						"test");
			}
		}
		assertThat(summaries.summarize(org, clinic.assessment()).overdueLeftOff()).isPositive();

		try (PDDocument document = Loader.loadPDF(summaries.pdf(org, clinic.assessment(), java.util.Locale.JAPANESE))) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(withoutSpaces(new PDFTextStripper().getText(document))).contains("ほか", "安全管理責任者:");
		}
	}

	@Test
	void forbidsAUserOfAnotherOrganisation() throws Exception {
		var clinic = fixtures.clinicWithR7Checklist("summary-owner", OrgRole.VIEWER);
		String stranger = Fixtures.uniqueName("summary-stranger");
		fixtures.clinicWith(stranger, OrgRole.ADMIN);

		mvc.perform(get(url(clinic, "/summary")).with(user(stranger))).andExpect(status().isForbidden());
		mvc.perform(get(url(clinic, "/summary.pdf")).with(user(stranger))).andExpect(status().isForbidden());
	}

	private static String withoutSpaces(String text) {
		return text.replaceAll("\\s", "");
	}

}
