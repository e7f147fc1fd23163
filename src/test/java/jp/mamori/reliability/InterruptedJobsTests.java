package jp.mamori.reliability;

import java.util.UUID;

import jp.mamori.accesslog.AccessLogImportJobs;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.shared.JobRuns;
import jp.mamori.shared.ledger.LedgerImportJobs;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What people see of a job that a crash cut off: after the restart it is failed with
 * {@link JobRuns#INTERRUPTED}, on its progress page (which this node no longer has in
 * memory) and in the jobs API. {@link jp.mamori.CrashSafetyTests} kills a real process;
 * this test covers the pages.
 */
@IntegrationTest
class InterruptedJobsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JobRuns runs;

	@Autowired
	LedgerImportJobs ledgerJobs;

	@Autowired
	AccessLogImportJobs logJobs;

	@Test
	void aJobLeftRunningByTheLastProcessIsFailedWithAJapaneseMessageOnTheProgressPages() throws Exception {
		String username = Fixtures.uniqueName("interrupted");
		Organization org = fixtures.clinicWith(username, OrgRole.ADMIN);
		UUID ledgerJob = UUID.randomUUID();
		UUID logJob = UUID.randomUUID();
		// what a killed process leaves: rows still "running", nothing in this node's
		// memory
		runs.begin(ledgerJob, org.id(), "ledger:devices", "devices.csv", username);
		runs.progress(ledgerJob, 500, 40_000);
		runs.begin(logJob, org.id(), AccessLogImportJobs.KIND, "secure.log", username);

		assertThat(runs.markInterrupted()).isGreaterThanOrEqualTo(2);

		assertThat(runs.find(org.id(), ledgerJob).orElseThrow().interrupted()).isTrue();
		assertThat(ledgerJobs.find(org.id(), ledgerJob).orElseThrow().interrupted()).isTrue();
		assertThat(logJobs.find(org.id(), logJob).orElseThrow().interrupted()).isTrue();
		String ledgerPage = mvc
			.perform(get("/orgs/" + org.id() + "/ledgers/devices/import-jobs/" + ledgerJob).with(user(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(ledgerPage).contains("id=\"import-interrupted\"").contains("前回の処理は中断されました。もう一度取り込んでください。");
		String logPage = mvc.perform(get("/orgs/" + org.id() + "/logs/jobs/" + logJob).with(user(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(logPage).contains("id=\"log-import-interrupted\"")
			.contains("前回の処理は中断されました。もう一度取り込んでください。")
			.doesNotContain("id=\"log-import-done\"")
			.doesNotContain("hx-trigger");
		mvc.perform(get("/api/v1/orgs/" + org.id() + "/jobs/" + logJob).with(user(username)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("failed"))
			.andExpect(jsonPath("$.interrupted").value(true))
			.andExpect(jsonPath("$.message").value(JobRuns.INTERRUPTED));
		mvc.perform(get("/api/v1/orgs/" + org.id() + "/jobs").with(user(username)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.jobs.length()").value(2))
			.andExpect(jsonPath("$.jobs[*].state").value(everyItem(is("failed"))))
			.andExpect(jsonPath("$.jobs[?(@.kind == 'ledger:devices')].done").value(contains(500)));
	}

	@Test
	void aFinishedJobIsNotTouchedByTheRestart() {
		String username = Fixtures.uniqueName("finished");
		Organization org = fixtures.clinicWith(username, OrgRole.ADMIN);
		UUID job = UUID.randomUUID();
		runs.begin(job, org.id(), AccessLogImportJobs.KIND, "secure.log", username);
		runs.succeeded(job, "検出 0 件");

		runs.markInterrupted();

		JobRuns.Run run = runs.find(org.id(), job).orElseThrow();
		assertThat(run.state()).isEqualTo(JobRuns.State.SUCCEEDED);
		assertThat(run.message()).isEqualTo("検出 0 件");
	}

}
