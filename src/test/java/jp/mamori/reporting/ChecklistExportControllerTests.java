package jp.mamori.reporting;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jp.mamori.assessment.CreateAssessment;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Downloading the official form from a page link and from the REST API. */
@IntegrationTest
class ChecklistExportControllerTests {

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	CreateAssessment createAssessment;

	private String viewer;

	private Organization org;

	private UUID assessment;

	@BeforeEach
	void clinicWithAnAssessment() {
		var clinic = fixtures.clinicWithR7Checklist("download", OrgRole.VIEWER);
		viewer = clinic.username();
		org = clinic.org();
		assessment = clinic.assessment();
	}

	private String page(String query) {
		return "/orgs/" + org.id() + "/assessments/" + assessment + "/export" + query;
	}

	private String api(String query) {
		return "/api/v1" + page(query);
	}

	@Test
	void downloadsTheWorkbookAsAnAttachment() throws Exception {
		MvcResult result = mvc.perform(get(page("?round=1&format=xlsx")).with(user(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(XLSX))
			.andReturn();

		String disposition = result.getResponse().getHeader("Content-Disposition");
		assertThat(disposition)
			.startsWith("attachment; filename=\"checklist-R7-institution-2025-round1.xlsx\"; filename*=UTF-8''")
			.endsWith(".xlsx");
		String encoded = disposition.substring(disposition.indexOf("''") + 2);
		assertThat(encoded).matches("[A-Za-z0-9%!#$&+\\-.^_`|~]+");
		assertThat(java.net.URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8))
			.isEqualTo("チェックリスト_令和7年度_医療機関確認用_1回目_" + org.name() + ".xlsx");
		ExportedWorkbook sheet = ExportedWorkbook.read(result.getResponse().getContentAsByteArray());
		assertThat(sheet.rows()).anyMatch(cells -> cells.contains("医療機関名: " + org.name()));
	}

	@Test
	void servesTheSamePdfThroughTheApi() throws Exception {
		MvcResult result = mvc.perform(get(api("?round=1&format=pdf")).with(user(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("Content-Disposition",
					startsWith("attachment; filename=\"checklist-R7-institution-2025-round1.pdf\"")))
			.andReturn();

		byte[] pdf = result.getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
	}

	@Test
	void forbidsAUserOfAnotherOrganisation() throws Exception {
		String stranger = Fixtures.uniqueName("stranger");
		fixtures.clinicWith(stranger, OrgRole.ADMIN);

		mvc.perform(get(page("?round=1&format=xlsx")).with(user(stranger))).andExpect(status().isForbidden());
		mvc.perform(get(api("?round=1&format=pdf")).with(user(stranger))).andExpect(status().isForbidden());
	}

	@Test
	void forbidsAVendorUser() throws Exception {
		String vendor = Fixtures.uniqueName("vendor");
		Organization vendorOrg = fixtures.clinicWith(vendor, OrgRole.VENDOR);
		UUID own = createAssessment.create(vendorOrg.id(), 2025, "R7", "institution", null, "tester").id();

		mvc.perform(get("/orgs/" + vendorOrg.id() + "/assessments/" + own + "/export?round=1&format=xlsx")
			.with(user(vendor))).andExpect(status().isForbidden());
	}

	@Test
	void asksForALoginWithoutOne() throws Exception {
		mvc.perform(get(api("?round=1&format=pdf"))).andExpect(status().isUnauthorized());
	}

	@Test
	void rejectsAnUnknownFormatInJapanese() throws Exception {
		mvc.perform(get(api("?round=1&format=docx")).with(user(viewer)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("出力形式は xlsx または pdf を指定してください: docx"));
		MvcResult page = mvc.perform(get(page("?round=1&format=csv")).with(user(viewer)))
			.andExpect(status().isBadRequest())
			.andReturn();
		assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("出力形式は xlsx または pdf");
	}

	@Test
	void rejectsARoundTheAssessmentDoesNotHaveInJapanese() throws Exception {
		mvc.perform(get(api("?round=2&format=xlsx")).with(user(viewer)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("2回目の確認はありません（このチェックリストは1回目まであります）"));
		mvc.perform(get(api("?round=x&format=xlsx")).with(user(viewer)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("確認の回は数字で指定してください（例: round=1）: x"));
		mvc.perform(get(page("?format=xlsx")).with(user(viewer))).andExpect(status().isBadRequest());
	}

	@Test
	void answersNotFoundForAnAssessmentOfAnotherOrganisation() throws Exception {
		UUID unknown = UUID.randomUUID();
		mvc.perform(get("/api/v1/orgs/" + org.id() + "/assessments/" + unknown + "/export?round=1&format=pdf")
			.with(user(viewer)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].message").value("チェックリストが見つかりません"));
	}

}
