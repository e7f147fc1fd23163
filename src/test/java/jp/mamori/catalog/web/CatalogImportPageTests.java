package jp.mamori.catalog.web;

import java.nio.charset.StandardCharsets;

import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.support.CatalogSamples;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** システム管理者 imports a new checklist version through the page; nobody else may. */
@IntegrationTest
class CatalogImportPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	String systemAdmin() {
		// the first user of an instance becomes システム管理者; this context is shared, so grant
		// it directly
		String name = "catalog-admin";
		if (users.find(name).isEmpty()) {
			fixtures.clinicWith(name, OrgRole.ADMIN);
			jdbc.sql("update app_user set system_admin = true where username = ?").param(name).update();
		}
		assertThat(users.find(name).orElseThrow().systemAdmin()).isTrue();
		return name;
	}

	@Test
	void systemAdministratorImportsAVersionAndSeesIt() throws Exception {
		String admin = systemAdmin();
		MockMultipartFile file = new MockMultipartFile("file", "r12.yaml", "application/yaml",
				CatalogSamples.MINIMAL_R8.replace("R8", "R12").getBytes(StandardCharsets.UTF_8));

		mvc.perform(multipart("/admin/catalog").file(file).with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("imported", "R12"));

		String page = mvc.perform(get("/catalog/R12/institution").with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("医療情報システム安全管理責任者を設置している。");
	}

	@Test
	void aBrokenFileIsRefusedWithTheLineNamed() throws Exception {
		String admin = systemAdmin();
		MockMultipartFile file = new MockMultipartFile("file", "r13.yaml", "application/yaml",
				CatalogSamples.MINIMAL_R8.replace("R8", "R13")
					.replace("confidence: M", "confidence: Q")
					.getBytes(StandardCharsets.UTF_8));

		mvc.perform(multipart("/admin/catalog").file(file).with(user(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("importErrors", java.util.List.of("17行目: confidence は V / S / M のいずれかです: Q")));
		mvc.perform(get("/catalog/R13/institution").with(user(admin))).andExpect(status().isNotFound());
	}

	@Test
	void anOrganisationAdministratorWhoIsNotSystemAdministratorMayNotImport() throws Exception {
		systemAdmin();
		fixtures.clinicWith("clinic-admin", OrgRole.ADMIN);
		assertThat(users.find("clinic-admin").orElseThrow().systemAdmin()).isFalse();
		MockMultipartFile file = new MockMultipartFile("file", "r14.yaml", "application/yaml",
				CatalogSamples.MINIMAL_R8.replace("R8", "R14").getBytes(StandardCharsets.UTF_8));

		mvc.perform(multipart("/admin/catalog").file(file).with(user("clinic-admin")).with(csrf()))
			.andExpect(status().isForbidden());
	}

}
