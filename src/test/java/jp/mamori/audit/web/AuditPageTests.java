package jp.mamori.audit.web;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import jp.mamori.audit.AuditTimeline;
import jp.mamori.audit.AuditTrail;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.organization.Organization;
import jp.mamori.shared.ClockConfiguration;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The audit page of an organisation: for its administrators only, filtered by date (Japan
 * time), actor, action and text, paged, never showing another organisation's entries,
 * with the state of the hash chain on top; htmx filtering gets the table alone.
 */
@IntegrationTest
class AuditPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditTimeline timeline;

	@Autowired
	UserAccounts users;

	private String admin;

	private Organization org;

	@BeforeEach
	void clinicWithAnAdministrator() {
		admin = Fixtures.uniqueName("audit-admin");
		org = fixtures.clinicWith(admin, OrgRole.ADMIN);
	}

	static Stream<Arguments> renderings() {
		return Stream.of(Arguments.of("page", false, false), Arguments.of("htmx fragment", true, false),
				Arguments.of("htmx history restore", true, true));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void rendersThePageOrTheTableFragment(String name, boolean htmx, boolean historyRestore) throws Exception {
		trail.append(org.id(), admin, "evidence.stored", "規程.pdf", "証跡を登録しました");
		MockHttpServletRequestBuilder request = get("/orgs/{o}/audit", org.id()).with(user(admin));
		if (htmx) {
			request.header("HX-Request", "true");
		}
		if (historyRestore) {
			request.header("HX-History-Restore-Request", "true");
		}

		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeaders("Vary")).contains("HX-Request");
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		if (htmx && !historyRestore) {
			assertThat(body).doesNotContain("<html", "<main", "site-header", "chain-status");
			Document fragment = Jsoup.parseBodyFragment(body);
			assertThat(fragment.body().children()).singleElement().satisfies(div -> {
				assertThat(div.id()).isEqualTo("audit-table");
				assertThat(div.select("#audit-entries td.detail").text()).contains("証跡を登録しました");
			});
		}
		else {
			Document page = Jsoup.parse(body);
			assertThat(page.select("h1").text()).isEqualTo("監査証跡（アクセスログ）");
			assertThat(page.select("#chain-status")).hasSize(1);
			assertThat(page.select("#audit-filter[hx-get]")).hasSize(1);
			assertThat(page.select("#audit-table #audit-entries td.detail").text()).contains("証跡を登録しました");
		}
	}

	@Test
	void showsEachEntryWithJapanTimeActorLabelTargetDetailSeqAndShortHash() throws Exception {
		var entry = trail.append(org.id(), admin, "organization.contract.recorded", "保守ベンダー株式会社", "電子カルテ");

		Element row = page("").selectFirst("#entry-" + entry.seq());

		assertThat(row).isNotNull();
		assertThat(row.select("td")).extracting(Element::text)
			.containsExactly("2025-06-15 10:00:00", admin, "事業者との契約を登録", "保守ベンダー株式会社", "電子カルテ",
					Long.toString(entry.seq()), entry.hash().substring(0, 12));
		assertThat(row.select("td.hash").attr("title")).isEqualTo(entry.hash());
		assertThat(row.select("td.action").attr("title")).isEqualTo("organization.contract.recorded");
	}

	@Test
	void showsAnUnknownActionCodeAsItselfAndOffersItInTheFilter() throws Exception {
		trail.append(org.id(), admin, "vendorportal.grant.revoked", "保守ベンダー", "閲覧権限を取消");

		Document page = page("");

		assertThat(page.select("#audit-entries td.action").eachText()).contains("vendorportal.grant.revoked");
		assertThat(page.select("#audit-action option").eachAttr("value")).contains("vendorportal",
				"vendorportal.grant.revoked", "assessment", "assessment.round.submitted", "audit.exported");
	}

	@Test
	void listsNewestFirst() throws Exception {
		trail.append(org.id(), admin, "evidence.stored", "1.pdf", "古い");
		trail.append(org.id(), admin, "evidence.stored", "2.pdf", "新しい");

		assertThat(page("?actor=" + admin).select("#audit-entries td.detail").eachText()).containsExactly("新しい", "古い");
	}

	@Test
	void narrowsTheRowsByActorActionAndText() throws Exception {
		String other = Fixtures.uniqueName("audit-other");
		trail.append(org.id(), admin, "assessment.round.submitted", "R7 1回目", "提出");
		trail.append(org.id(), admin, "evidence.stored", "VPN設定.pdf", "VPN の設定書");
		trail.append(org.id(), other, "evidence.stored", "バックアップ.pdf", "別の担当者");

		assertThat(details("?actor=" + other)).containsExactly("別の担当者");
		assertThat(details("?actor=" + admin + "&action=assessment")).containsExactly("提出");
		assertThat(details("?action=evidence.stored")).containsExactly("別の担当者", "VPN の設定書");
		assertThat(details("?q=vpn")).containsExactly("VPN の設定書");
		assertThat(details("?q=バックアップ")).containsExactly("別の担当者");
		Document filtered = page("?actor=" + other + "&action=evidence&q=バックアップ");
		assertThat(filtered.select("#audit-actor").val()).isEqualTo(other);
		assertThat(filtered.select("#audit-action option[selected]").val()).isEqualTo("evidence");
		assertThat(filtered.select("#audit-q").val()).isEqualTo("バックアップ");
	}

	@Test
	void narrowsTheRowsByDaysInJapanTime() throws Exception {
		timeline.appendAt(japan(5, 31, 23, 59), org.id(), admin, "evidence.stored", "a", "五月末の深夜");
		timeline.appendAt(japan(6, 1, 0, 1), org.id(), admin, "evidence.stored", "b", "六月一日の未明");

		assertThat(details("?from=2025-06-01&to=2025-06-01")).containsExactly("六月一日の未明");
		assertThat(details("?to=2025-05-31")).containsExactly("五月末の深夜");
		Document page = page("?from=2025-06-01&to=2025-06-01");
		assertThat(page.select("#audit-from").val()).isEqualTo("2025-06-01");
		assertThat(page.select("#entry-" + trail.entries(org.id(), 1).get(0).seq() + " td.time").text())
			.isEqualTo("2025-06-01 00:01:00");
	}

	@Test
	void explainsAPeriodThatEndsBeforeItStartsInTheFragment() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(get("/orgs/{o}/audit?from=2025-06-02&to=2025-06-01", org.id()).header("HX-Request", "true")
				.with(user(admin)))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		Document fragment = Jsoup.parseBodyFragment(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(fragment.select("#filter-error").text()).contains("開始日");
		assertThat(fragment.select("#audit-entries")).isEmpty();
	}

	@Test
	void pagesByAHundredAndKeepsTheFilterInThePageAndExportLinks() throws Exception {
		for (int i = 1; i <= 101; i++) {
			trail.append(org.id(), admin, "evidence.stored", "f" + i, "n" + i);
		}

		Document first = page("?actor=" + admin + "&q=n");
		assertThat(first.select("#audit-entries tbody tr")).hasSize(100);
		assertThat(first.select("#audit-count").text()).contains("101", "1～100");
		assertThat(first.select("#audit-previous")).isEmpty();
		String next = first.select("#audit-next").attr("href");
		assertThat(next).contains("actor=" + admin, "q=n", "page=2");
		assertThat(first.select("#audit-next").attr("hx-get")).isEqualTo(next);
		assertThat(first.select("#export-csv").attr("href")).contains("/audit/export?", "actor=" + admin, "q=n",
				"format=csv");
		assertThat(first.select("#export-csv-cp932").attr("href")).contains("encoding=cp932");
		assertThat(first.select("#export-xlsx").attr("href")).contains("format=xlsx");

		Document second = page("?actor=" + admin + "&q=n&page=2");
		assertThat(second.select("#audit-entries td.detail").eachText()).containsExactly("n1");
		assertThat(second.select("#audit-previous").attr("href")).contains("page=1");
		assertThat(second.select("#audit-next")).isEmpty();
	}

	@Test
	void keepsSymbolsInFilterValuesLiteralInLinks() throws Exception {
		trail.append(org.id(), admin, "evidence.stored", "a+b&c%.pdf", "記号");

		Document page = Jsoup.parse(mvc.perform(get("/orgs/{o}/audit", org.id()).param("q", "a+b&c%").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));

		assertThat(page.select("#audit-entries td.detail").eachText()).containsExactly("記号");
		assertThat(page.select("#export-csv").attr("href")).contains("q=a%2Bb%26c%25");
	}

	@Test
	void neverShowsAnotherOrganisationsEntries() throws Exception {
		String neighbourAdmin = Fixtures.uniqueName("audit-neighbour");
		Organization neighbour = fixtures.clinicWith(neighbourAdmin, OrgRole.ADMIN);
		trail.append(neighbour.id(), admin, "evidence.stored", "隣の診療所の秘密.pdf", "隣の記録");

		Document page = page("?q=隣の");

		assertThat(page.select("#audit-entries")).isEmpty();
		assertThat(page.text()).doesNotContain("隣の記録", "隣の診療所の秘密", neighbourAdmin);
		assertThat(page("").text()).doesNotContain("隣の記録", neighbour.name(), neighbourAdmin);
	}

	static Stream<String> urls() {
		return Stream.of("/orgs/{o}/audit", "/orgs/{o}/audit/export?format=csv", "/orgs/{o}/audit/export?format=xlsx");
	}

	@ParameterizedTest
	@MethodSource("urls")
	void forbidsAdministratorsOfAnotherOrganisation(String url) throws Exception {
		String stranger = Fixtures.uniqueName("audit-stranger");
		fixtures.clinicWith(stranger, OrgRole.ADMIN);

		MockHttpServletResponse response = mvc.perform(get(url, org.id()).with(user(stranger)))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(org.name(), admin);
	}

	@ParameterizedTest
	@MethodSource("urls")
	void forbidsEditorsAndViewersOfTheOrganisation(String url) throws Exception {
		for (OrgRole role : List.of(OrgRole.EDITOR, OrgRole.VIEWER)) {
			String member = Fixtures.uniqueName("audit-" + role.code());
			users.create(org.id(), member, "試験 花子", Fixtures.PASSWORD, role, "test");

			assertThat(mvc.perform(get(url, org.id()).with(user(member))).andReturn().getResponse().getStatus())
				.as(role.code())
				.isEqualTo(403);
		}
	}

	@Test
	void linksTheAuditPageInTheHeaderForAdministratorsOnly() throws Exception {
		String editor = Fixtures.uniqueName("audit-editor");
		users.create(org.id(), editor, "試験 次郎", Fixtures.PASSWORD, OrgRole.EDITOR, "test");
		String link = "nav.main-nav a[href=\"/orgs/" + org.id() + "/audit\"]";

		assertThat(settings(admin).select(link)).extracting(Element::text).containsExactly("監査証跡");
		assertThat(settings(editor).select(link)).isEmpty();
	}

	@Test
	void showsTheChainAsIntact() throws Exception {
		Element status = page("").selectFirst("#chain-status");

		assertThat(status).isNotNull();
		assertThat(status.hasClass("chain-intact")).isTrue();
		assertThat(status.text()).contains("書き換え・削除はありません");
	}

	@Test
	void rendersInEnglishOnRequest() throws Exception {
		trail.append(org.id(), admin, "assessment.round.submitted", "R7", "submitted");

		Document page = page("?lang=en");

		assertThat(page.select("h1").text()).isEqualTo("Audit trail (access log)");
		assertThat(page.select("#audit-entries td.action").eachText()).contains("Round submitted");
	}

	private Document page(String query) throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/orgs/" + org.id() + "/audit" + query).with(user(admin)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(query).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private List<String> details(String query) throws Exception {
		return page(query).select("#audit-entries td.detail").eachText();
	}

	private Document settings(String username) throws Exception {
		return Jsoup.parse(mvc.perform(get("/orgs/{o}/settings", org.id()).with(user(username)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private static ZonedDateTime japan(int month, int day, int hour, int minute) {
		return ZonedDateTime.of(2025, month, day, hour, minute, 0, 0, ClockConfiguration.JAPAN);
	}

}
