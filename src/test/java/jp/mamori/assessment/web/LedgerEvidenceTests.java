package jp.mamori.assessment.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jp.mamori.identity.OrgRole;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A ledger row (here a device) linked to a checklist item as its evidence. */
@IntegrationTest
class LedgerEvidenceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerRecords records;

	@Autowired
	Ledgers ledgers;

	@Test
	void linksADeviceToTheLedgerItemAndShowsIt() throws Exception {
		var clinic = fixtures.clinicWithR7Checklist("evidence", OrgRole.EDITOR);
		var device = records.create(ledgers.require("devices"), clinic.org().id(),
				Map.of("name", "電子カルテサーバ1", "kind", "server"), "test");
		String item = "/orgs/" + clinic.org().id() + "/assessments/" + clinic.assessment() + "/items/2-1";

		String options = mvc
			.perform(get(item + "/ledger-rows").param("ledger", "devices").with(user(clinic.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(options).startsWith("<select").contains("電子カルテサーバ1").contains(device.id().toString());

		mvc.perform(post(item + "/ledger-links").param("ledger", "devices")
			.param("rowId", device.id().toString())
			.with(user(clinic.username()))
			.with(csrf())).andExpect(status().is3xxRedirection());

		String page = mvc.perform(get(item).with(user(clinic.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("機器台帳：電子カルテサーバ1");
	}

	@Test
	void refusesARowOfAnotherOrganisation() throws Exception {
		var clinic = fixtures.clinicWithR7Checklist("evidence-a", OrgRole.EDITOR);
		var other = fixtures.clinicWithR7Checklist("evidence-b", OrgRole.EDITOR);
		var foreign = records.create(ledgers.require("devices"), other.org().id(),
				Map.of("name", "他院の機器", "kind", "pc"), "test");

		mvc.perform(
				post("/orgs/" + clinic.org().id() + "/assessments/" + clinic.assessment() + "/items/2-1/ledger-links")
					.param("ledger", "devices")
					.param("rowId", foreign.id().toString())
					.with(user(clinic.username()))
					.with(csrf()))
			.andExpect(status().isNotFound());
	}

}
