package jp.mamori.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every screen renders for an administrator of a clinic with an R7 checklist, and the
 * htmx row save answers with the row alone; pages are Japanese unless English is asked
 * for, closed to other organisations, and served with the strict security headers.
 */
@IntegrationTest
class PageRenderingTests {

	private static final String NO_WITHOUT_TARGET = "「いいえ」の場合は目標日を入力してください";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	private String admin;

	private Organization org;

	private UUID assessment;

	@BeforeEach
	void clinicWithAnR7Checklist() {
		var clinic = fixtures.clinicWithR7Checklist("page-admin", OrgRole.ADMIN);
		admin = clinic.username();
		org = clinic.org();
		assessment = clinic.assessment();
	}

	/** A request built for the clinic and its checklist. */
	interface Request extends BiFunction<String, String, MockHttpServletRequestBuilder> {

	}

	static Arguments screen(String name, Request request, String selector) {
		return Arguments.of(name, request, selector, null);
	}

	static Arguments fragment(String name, Request request, String selector, String text) {
		return Arguments.of(name, request, selector, text);
	}

	static MockHttpServletRequestBuilder htmxSave(String org, String id, String targetDate) {
		return post("/orgs/{org}/assessments/{id}/rounds/1/items/2-6", org, id).header("HX-Request", "true")
			.param("answer", "no")
			.param("checkedOn", "2025-06-01")
			.param("targetDate", targetDate)
			.param("version", "0")
			.with(csrf());
	}

	static Stream<Arguments> screens() {
		return Stream.of(screen("dashboard", (o, id) -> get("/orgs/{o}/dashboard", o), "#next-action"),
				screen("checklists", (o, id) -> get("/orgs/{o}/assessments", o), "#create-assessment"),
				screen("checklist", (o, id) -> get("/orgs/{o}/assessments/{id}", o, id), "#rounds"),
				screen("checklist round 1", (o, id) -> get("/orgs/{o}/assessments/{id}?round=1", o, id),
						"#rounds a.active"),
				screen("item", (o, id) -> get("/orgs/{o}/assessments/{id}/items/2-6", o, id), "#guidance"),
				screen("organisation", (o, id) -> get("/orgs/{o}/settings", o), "#contracts"),
				screen("checklist versions", (o, id) -> get("/catalog"), "#versions"),
				screen("R7 institution form", (o, id) -> get("/catalog/R7/institution"), "#item-2-6"),
				fragment("row refused (htmx)", (o, id) -> htmxSave(o, id, ""), "article#item-2-6", NO_WITHOUT_TARGET),
				fragment("row saved (htmx)", (o, id) -> htmxSave(o, id, "2026-01-31"), "article#item-2-6", "保存しました。"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("screens")
	void rendersEveryScreenAndTheRowFragment(String name, Request request, String selector, String fragmentText)
			throws Exception {
		MockHttpServletResponse response = perform(
				request.apply(org.id().toString(), assessment.toString()).with(user(admin)));

		assertThat(response.getStatus()).as(name).isEqualTo(200);
		assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		if (fragmentText == null) {
			assertThat(Jsoup.parse(body).select(selector)).as(selector).isNotEmpty();
		}
		else {
			// the row alone, swapped in place of the old one: no page around it
			assertThat(body).doesNotContain("<html", "<main", "<header class=\"site-header\"");
			Document doc = Jsoup.parseBodyFragment(body);
			assertThat(doc.body().children()).singleElement().satisfies(article -> {
				assertThat(article.is(selector)).as(article.outerHtml()).isTrue();
				assertThat(article.text()).contains(fragmentText);
			});
		}
		assertSecurityHeaders(response);
	}

	@Test
	void rendersTheLoginPageForAnonymousVisitorsOnceAnOrganisationExists() throws Exception {
		MockHttpServletResponse response = perform(get("/login"));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8)).select("#login-submit"))
			.isNotEmpty();
		assertSecurityHeaders(response);
	}

	@Test
	void keepsWhatWasTypedInARefusedRow() throws Exception {
		MockHttpServletResponse response = perform(
				htmxSave(org.id().toString(), assessment.toString(), "").with(user(admin)));

		Element article = Jsoup.parseBodyFragment(response.getContentAsString(StandardCharsets.UTF_8))
			.selectFirst("article#item-2-6");
		assertThat(article).isNotNull();
		assertThat(article.select("input[name=answer][value=no]").hasAttr("checked")).isTrue();
		assertThat(article.select("input[name=checkedOn]").val()).isEqualTo("2025-06-01");
		assertThat(article.select("p.error").text()).isEqualTo(NO_WITHOUT_TARGET);
	}

	static Stream<Arguments> organisationScreens() {
		return screens().filter(a -> {
			String name = (String) a.get()[0];
			return !name.startsWith("checklist versions") && !name.startsWith("R7 institution");
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("organisationScreens")
	void forbidsAUserOfAnotherOrganisation(String name, Request request, String selector, String fragmentText)
			throws Exception {
		String stranger = Fixtures.uniqueName("page-stranger");
		fixtures.clinicWith(stranger, OrgRole.ADMIN);

		MockHttpServletResponse response = perform(
				request.apply(org.id().toString(), assessment.toString()).with(user(stranger)));

		assertThat(response.getStatus()).as(name).isEqualTo(403);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(org.name());
	}

	@Test
	void rendersInJapaneseByDefault() throws Exception {
		Document page = Jsoup.parse(perform(get("/orgs/{o}/assessments", org.id()).with(user(admin)))
			.getContentAsString(StandardCharsets.UTF_8));

		assertThat(page.select("html").attr("lang")).isEqualTo("ja");
		assertThat(page.select("h1").text()).isEqualTo("チェックリスト");
		assertThat(page.text()).doesNotContain("Checklists");
	}

	@Test
	void rendersInEnglishOnRequest() throws Exception {
		Document page = Jsoup
			.parse(perform(get("/orgs/{o}/assessments", org.id()).param("lang", "en").with(user(admin)))
				.getContentAsString(StandardCharsets.UTF_8));

		assertThat(page.select("html").attr("lang")).isEqualTo("en");
		assertThat(page.select("h1").text()).isEqualTo("Checklists");
		assertThat(page.select("nav.main-nav").text()).contains("Checklists");
	}

	@Test
	void showsANotFoundPageForAnUnknownChecklist() throws Exception {
		MockHttpServletResponse response = perform(
				get("/orgs/{o}/assessments/{id}", org.id(), UUID.randomUUID()).with(user(admin)));

		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(MediaType.TEXT_HTML))
			.as(response.getContentType())
			.isTrue();
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("チェックリストが見つかりません");
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private static void assertSecurityHeaders(MockHttpServletResponse response) {
		assertThat(response.getHeader("Content-Security-Policy")).isNotBlank()
			.contains("default-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
	}

}
