package jp.mamori.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Recording a vendor contract on the organisation page: the vendor is listed, and R7 2-②
 * (事業者との契約) no longer offers 記入不要 on the checklist.
 */
@IntegrationTest
class VendorContractFlowTests {

	private static final String VENDOR = "保守ベンダー株式会社";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	private String admin;

	private Organization org;

	private UUID assessment;

	@BeforeEach
	void clinicWithAnR7Checklist() {
		var clinic = fixtures.clinicWithR7Checklist("contract-admin", OrgRole.ADMIN);
		admin = clinic.username();
		org = clinic.org();
		assessment = clinic.assessment();
	}

	@Test
	void offersNotRequiredForVendorItemsWhileNoContractIsRecorded() throws Exception {
		Element row = row("2-2");
		assertThat(row.select("input[name=answer]")).extracting(e -> e.val())
			.containsExactly("yes", "no", "not_required");
		assertThat(row.select("fieldset.choices").text()).contains("記入不要");
		assertThat(settings().select("#no-contracts")).hasSize(1);
	}

	@Test
	void listsAVendorAddedOnTheOrganisationPage() throws Exception {
		addContract();

		Document settings = settings();
		assertThat(settings.select("#contracts td")).extracting(Element::text).contains(VENDOR, "電子カルテ");
		assertThat(settings.select("#no-contracts")).isEmpty();
	}

	@Test
	void stopsOfferingNotRequiredOnceAVendorIsRecorded() throws Exception {
		addContract();

		Element row = row("2-2");
		assertThat(row.select("input[name=answer]")).extracting(e -> e.val()).containsExactly("yes", "no");
		// the published text itself mentions 記入不要; the choices must not
		assertThat(row.select("fieldset.choices").text()).doesNotContain("記入不要");
	}

	private void addContract() throws Exception {
		mvc.perform(post("/orgs/{o}/settings/contracts", org.id()).param("vendorName", VENDOR)
			.param("systemName", "電子カルテ")
			.with(csrf())
			.with(user(admin)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/orgs/" + org.id() + "/settings"));
	}

	private Document settings() throws Exception {
		return page("/orgs/" + org.id() + "/settings");
	}

	private Element row(String itemId) throws Exception {
		Element row = page("/orgs/" + org.id() + "/assessments/" + assessment).getElementById("item-" + itemId);
		assertThat(row).as("row " + itemId).isNotNull();
		return row;
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

}
