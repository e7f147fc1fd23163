package jp.mamori.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import jp.mamori.identity.OrgRole;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The dashboard reminds of tasks overdue or due within 14 days, and of nothing else. */
@IntegrationTest
class TaskReminderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	RemediationTasks tasks;

	@Test
	void remindsOfOverdueAndSoonDueTasksOnly() throws Exception {
		String admin = Fixtures.uniqueName("reminder");
		var org = fixtures.clinicWith(admin, OrgRole.ADMIN).id();
		tasks.create(org, "VPN装置のファームウェア更新", null, "システム担当", LocalDate.of(2025, 6, 1), admin);
		tasks.create(org, "退職者アカウントの削除", null, null, LocalDate.of(2025, 6, 20), admin);
		tasks.create(org, "BCP訓練の実施", null, null, LocalDate.of(2025, 12, 1), admin);

		String fragment = mvc.perform(get("/orgs/" + org + "/tasks/due").with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(fragment).startsWith("<div")
			.contains("VPN装置のファームウェア更新")
			.contains("期日超過")
			.contains("退職者アカウントの削除")
			.doesNotContain("BCP訓練の実施");
	}

}
