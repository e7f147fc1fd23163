package jp.mamori.web.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.mamori.identity.OrgRole;
import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.organization.Organization;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The ledger list page at size: filter by the label column, a window of page links. */
@IntegrationTest
class LedgerListPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerStore store;

	@Autowired
	Ledgers ledgers;

	Organization org;

	String admin;

	@BeforeEach
	void hospitalWithManyDevices() {
		admin = Fixtures.uniqueName("ledgerlist");
		org = fixtures.clinicWith(admin, OrgRole.ADMIN);
		LedgerDefinition devices = ledgers.require(InventoryLedgers.DEVICES);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			rows.add(Map.of("name", String.format("端末%04d", i), "kind", "pc"));
		}
		rows.add(Map.of("name", "PACSサーバ1", "kind", "server"));
		rows.add(Map.of("name", "pacs-gateway", "kind", "network"));
		rows.add(Map.of("name", "100%_test", "kind", "other"));
		store.insertAll(devices, org.id(), rows, Instant.now(), admin, done -> {
		});
	}

	String page(String... params) throws Exception {
		var request = get("/orgs/" + org.id() + "/ledgers/devices").with(user(admin));
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void filtersByTheLabelIgnoringCase() throws Exception {
		String html = page("q", "PACS");

		assertThat(html).contains("PACSサーバ1", "pacs-gateway").doesNotContain("端末0001");
		assertThat(html).contains("value=\"PACS\"");
	}

	@Test
	void findsFullWidthInputAndSaysSo() throws Exception {
		String html = page("q", "ｐａｃｓ");

		assertThat(html).contains("PACSサーバ1", "pacs-gateway").doesNotContain("端末0001");
		assertThat(html).contains("全角・半角");
	}

	@Test
	void takesTheUsersWildcardsLiterally() throws Exception {
		assertThat(page("q", "%_")).contains("100%_test").doesNotContain("端末0001", "PACSサーバ1");
	}

	@Test
	void saysSoWhenNothingMatches() throws Exception {
		assertThat(page("q", "存在しない機器")).contains("id=\"ledger-filter-empty\"").doesNotContain("id=\"ledger-rows\"");
	}

	@Test
	void linksAWindowOfPagesNotEveryPage() throws Exception {
		String html = page("page", "10");
		String nav = html.substring(html.indexOf("<nav class=\"pages\""),
				html.indexOf("</nav>", html.indexOf("<nav class=\"pages\"")));

		// 1,003 rows = 21 pages: the first, the last and four either side of page 11
		assertThat(nav.split("<a ", -1).length - 1).isEqualTo(11);
		assertThat(nav).contains(">1<", ">7<", ">11<", ">15<", ">21<").doesNotContain(">6<", ">16<");
	}

	@Test
	void keepsTheFilterInThePageLinks() throws Exception {
		assertThat(page("q", "端末", "page", "3")).contains("page=4&amp;q=%E7%AB%AF%E6%9C%AB");
	}

}
