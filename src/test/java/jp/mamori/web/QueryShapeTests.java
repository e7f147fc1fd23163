package jp.mamori.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import jp.mamori.support.StatementLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The statements a page runs do not grow with the data (issue 9: no N+1, checked on the
 * SQL the request prepares): a group user's hundreds of organisations, a ledger's
 * thousands of rows; and the membership role is looked up once per request however many
 * places ask.
 */
@IntegrationTest
@Import(StatementLog.Configuration.class)
class QueryShapeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organizations organizations;

	@Autowired
	UserAccounts users;

	@Autowired
	LedgerStore store;

	@Autowired
	Ledgers ledgers;

	private List<String> statementsOf(String username, String url) throws Exception {
		return StatementLog.during(() -> mvc.perform(get(url).with(user(username))).andExpect(status().isOk()));
	}

	@Test
	void theNavigationOfAUserInManyOrganisationsIsNotOneQueryPerOrganisation() throws Exception {
		String single = Fixtures.uniqueName("nav-one");
		Organization home = fixtures.clinicWith(single, OrgRole.ADMIN);
		String many = Fixtures.uniqueName("nav-many");
		Organization first = fixtures.clinicWith(many, OrgRole.ADMIN);
		for (int i = 0; i < 30; i++) {
			Organization other = organizations.create("グループ病院 " + many + " " + i, OrgKind.INSTITUTION, "test");
			users.join(other.id(), many, OrgRole.VIEWER, "test");
		}

		List<String> one = statementsOf(single, "/orgs/" + home.id() + "/dashboard");
		List<String> thirtyOne = statementsOf(many, "/orgs/" + first.id() + "/dashboard");

		assertThat(thirtyOne).hasSameSizeAs(one);
		assertThat(mvc.perform(get("/orgs/" + first.id() + "/dashboard").with(user(many)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("グループ病院 " + many + " 29");
	}

	@Test
	void theRoleIsLookedUpOncePerRequest() throws Exception {
		String admin = Fixtures.uniqueName("role-once");
		Organization org = fixtures.clinicWith(admin, OrgRole.ADMIN);

		List<String> statements = statementsOf(admin, "/orgs/" + org.id() + "/ledgers/devices");

		// the URL gate, @PreAuthorize and the template (can edit?) all ask
		assertThat(statements.stream().filter(sql -> sql.contains("m.org_id = ?") && sql.contains("m.role")))
			.hasSize(1);
	}

	@Test
	void aLedgerPageRunsTheSameStatementsForTenRowsAsForAThousand() throws Exception {
		LedgerDefinition devices = ledgers.require(InventoryLedgers.DEVICES);
		String small = Fixtures.uniqueName("rows-10");
		Organization smallOrg = fixtures.clinicWith(small, OrgRole.ADMIN);
		insert(devices, smallOrg, 10, small);
		String large = Fixtures.uniqueName("rows-1000");
		Organization largeOrg = fixtures.clinicWith(large, OrgRole.ADMIN);
		insert(devices, largeOrg, 1_000, large);

		List<String> ten = statementsOf(small, "/orgs/" + smallOrg.id() + "/ledgers/devices?q=pc");
		List<String> thousand = statementsOf(large, "/orgs/" + largeOrg.id() + "/ledgers/devices?q=pc&page=3");

		assertThat(thousand).hasSameSizeAs(ten);
		// the page and its total come from one statement over the label key
		assertThat(thousand.stream().filter(sql -> sql.contains("inventory_device"))).hasSize(2);
	}

	private void insert(LedgerDefinition devices, Organization org, int count, String by) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(Map.of("name", String.format("受付PC-%04d", i), "kind", "pc"));
		}
		store.insertAll(devices, org.id(), rows, Instant.now(), by, done -> {
		});
	}

}
