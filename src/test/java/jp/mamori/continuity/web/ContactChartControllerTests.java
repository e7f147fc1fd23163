package jp.mamori.continuity.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The 連絡体制図 page and its SVG, drawn from contacts stored through the ledger machinery,
 * and closed to other organisations.
 */
@IntegrationTest
class ContactChartControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerRecords records;

	@Autowired
	Ledgers ledgers;

	String admin;

	Organization org;

	@BeforeEach
	void clinicWithContacts() {
		admin = Fixtures.uniqueName("chart");
		org = fixtures.clinicWith(admin, OrgRole.ADMIN);
		LedgerDefinition contacts = ledgers.require("contacts");
		records.create(contacts, org.id(), Map.of("name", "院長 山田", "category", "院長・管理者", "phone", "03-1234-5678"),
				"test");
		records.create(contacts, org.id(),
				Map.of("name", "安全管理 花子", "category", "security_manager", "reportsTo", "院長 山田", "escalationOrder", "1"),
				"test");
		records.create(contacts, org.id(),
				Map.of("name", "医療情報技術推進室", "organization", "厚生労働省", "category", "厚生労働省", "phone", "03-3595-2430"),
				"test");
	}

	@Test
	void pageShowsTheChartAsAnImageWithALinkToTheContacts() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/orgs/{o}/contact-chart", org.id()).with(user(admin)))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.getElementById("contact-chart").attr("src"))
			.isEqualTo("/orgs/" + org.id() + "/contact-chart.svg");
		assertThat(page.getElementById("edit-contacts").attr("href"))
			.isEqualTo("/orgs/" + org.id() + "/ledgers/contacts");
		assertThat(page.getElementById("contact-count").text()).contains("3");
		// what an inspector will look for and is not there yet
		assertThat(page.getElementById("contact-missing").text()).contains("警察", "個人情報保護委員会").doesNotContain("厚生労働省");
		assertThat(page.select("nav.main-nav a[href$=/contact-chart]")).hasSize(1);
		assertThat(page.select("script:not([src])")).isEmpty();
	}

	@Test
	void svgIsAnInlineImageWithEveryName() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/orgs/{o}/contact-chart.svg", org.id()).with(user(admin)))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("image/svg+xml;charset=UTF-8");
		assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline");
		String svg = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(svg).startsWith("<?xml")
			.contains("<svg", "院長 山田", "安全管理 花子", "医療情報技術推進室", "03-3595-2430", org.name())
			.doesNotContain("<script", "<style");
	}

	@Test
	void anotherOrganisationsUserIsRefused() throws Exception {
		String stranger = Fixtures.uniqueName("chart-other");
		fixtures.clinicWith(stranger, OrgRole.ADMIN);

		for (String path : new String[] { "/orgs/{o}/contact-chart", "/orgs/{o}/contact-chart.svg" }) {
			MockHttpServletResponse response = mvc.perform(get(path, org.id()).with(user(stranger)))
				.andReturn()
				.getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(403);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("院長 山田");
		}
	}

}
