package jp.mamori.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jp.mamori.assessment.AnswerCommand;
import jp.mamori.assessment.RecordAnswer;
import jp.mamori.identity.ApiTokens;
import jp.mamori.identity.OrgRole;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 5 item 4: a task made from the failing 2-⑤ carries the check, its reason and the
 * answer's 目標日; closing it re-runs the check (still failing while the leaver's account is
 * enabled, 適合 once it is disabled); stale updates are refused; another organisation
 * reaches nothing.
 */
@IntegrationTest
@RecordApplicationEvents
class RemediationTaskTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerRecords records;

	@Autowired
	Ledgers ledgers;

	@Autowired
	RecordAnswer recordAnswer;

	@Autowired
	ApiTokens tokens;

	@Autowired
	RemediationTasks tasks;

	@Autowired
	ApplicationEvents events;

	@Test
	void aTaskFromAFailingItemIsClosedAgainstTheEvidence() throws Exception {
		var clinic = fixtures.clinicWithR7Checklist("task", OrgRole.ADMIN);
		OrgId org = clinic.org().id();
		String base = "/orgs/" + org + "/assessments/" + clinic.assessment();
		records.create(ledgers.require("staff"), org,
				Map.of("name", "山田 花子", "employmentStatus", "退職", "leftOn", "2025-03-31"), "test");
		Map<String, String> account = new HashMap<>(
				Map.of("system", "電子カルテ", "userId", "yamada", "staffName", "山田 花子"));
		LedgerRow row = records.create(ledgers.require("accounts"), org, account, "test");
		recordAnswer.record(org, clinic.assessment(), 1, "2-5",
				new AnswerCommand("no", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 9, 30), null, null),
				clinic.username());

		// the suggestion panel offers the button to editors
		assertThat(body(get(base + "/evaluation/items/2-5").param("round", "1").with(user(clinic.username()))))
			.contains("id=\"create-task-2-5\"");

		MvcResult created = mvc.perform(post(base + "/items/2-5/tasks").with(user(clinic.username())).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/orgs/" + org + "/tasks/");
		UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		RemediationTask task = tasks.require(org, id);
		assertThat(task.checkId()).isEqualTo("account.no-leaver-enabled");
		assertThat(task.itemId()).isEqualTo("2-5");
		assertThat(task.title()).startsWith("2-⑤");
		assertThat(task.detail()).contains("電子カルテ の利用者ID yamada").contains("山田 花子");
		assertThat(task.dueOn()).isEqualTo(LocalDate.of(2025, 9, 30));
		assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
		assertThat(task.owner()).isNull();
		// a second click opens the same task instead of a duplicate
		assertThat(tasks.createFromItem(org, clinic.assessment(), "2-5", "test").id()).isEqualTo(id);

		String token = tokens.create(org, clinic.username(), clinic.username());
		mvc.perform(get("/api/v1/orgs/" + org + "/tasks").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].id").value(id.toString()))
			.andExpect(jsonPath("$.items[0].itemId").value("2-5"))
			.andExpect(jsonPath("$.items[0].assessmentId").value(clinic.assessment().toString()))
			.andExpect(jsonPath("$.items[0].checkId").value("account.no-leaver-enabled"))
			.andExpect(jsonPath("$.items[0].dueOn").value("2025-09-30"))
			.andExpect(jsonPath("$.items[0].status").value("open"))
			.andExpect(jsonPath("$.items[0].overdue").value(false));

		assertThat(body(get("/orgs/" + org + "/tasks").with(user(clinic.username())))).contains(task.title())
			.contains("令和7年9月30日")
			.contains("未着手");
		assertThat(body(get("/orgs/" + org + "/tasks").param("status", "done").with(user(clinic.username()))))
			.doesNotContain(task.title())
			.contains("id=\"no-tasks\"");

		// closing while the leaver's account is still enabled: still failing, with the
		// reason
		String taskUrl = "/orgs/" + org + "/tasks/" + id;
		MvcResult closed = mvc
			.perform(post(taskUrl).param("expectedVersion", "0")
				.param("owner", "情報システム係 佐藤")
				.param("dueOn", "2025-09-30")
				.param("status", "done")
				.with(user(clinic.username()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("recheckStatus", "FAIL"))
			.andReturn();
		assertThat(body(get(taskUrl).flashAttrs(closed.getFlashMap()).with(user(clinic.username()))))
			.contains("再確認: まだ不適合 — ")
			.contains("yamada")
			.contains("情報システム係 佐藤");
		assertThat(tasks.comments(org, id)).singleElement()
			.satisfies(c -> assertThat(c.body()).startsWith("再確認: まだ不適合"));

		// a stale form is refused, nothing changes
		mvc.perform(post(taskUrl).param("expectedVersion", "0")
			.param("status", "open")
			.with(user(clinic.username()))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("taskError", RemediationTasks.STALE));
		assertThatThrownBy(() -> tasks.update(org, id, 0, null, null, TaskStatus.OPEN, "test"))
			.isInstanceOf(ConflictException.class);
		assertThat(tasks.require(org, id).status()).isEqualTo(TaskStatus.DONE);

		// reopen, disable the account, close again: 適合
		assertThat(tasks.update(org, id, 1, "情報システム係 佐藤", LocalDate.of(2025, 9, 30), TaskStatus.IN_PROGRESS, "test")
			.recheck()).isEmpty();
		account.put("disabledOn", "2025-06-15");
		records.update(ledgers.require("accounts"), org, row.id(), row.version(), account, "test");
		MvcResult passed = mvc
			.perform(post(taskUrl).param("expectedVersion", "2")
				.param("owner", "情報システム係 佐藤")
				.param("dueOn", "2025-09-30")
				.param("status", "done")
				.with(user(clinic.username()))
				.with(csrf()))
			.andExpect(flash().attribute("recheckStatus", "PASS"))
			.andReturn();
		assertThat(body(get(taskUrl).flashAttrs(passed.getFlashMap()).with(user(clinic.username()))))
			.contains("再確認: 適合");
		assertThat(tasks.require(org, id).closedAt()).isNotNull();

		mvc.perform(
				post(taskUrl + "/comments").param("body", "アカウントを無効化しました").with(user(clinic.username())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(body(get(taskUrl).with(user(clinic.username())))).contains("アカウントを無効化しました");

		assertThat(events.stream(RemediationTaskCreated.class)).hasSize(1);
		assertThat(events.stream(RemediationTaskUpdated.class)).hasSize(3);
		assertThat(events.stream(RemediationTaskCommented.class)).hasSize(1);
		assertThat(events.stream(RemediationTaskUpdated.class).map(e -> e.audit().action()))
			.containsOnly("evaluation.task.updated");
	}

	@Test
	void aTaskByHandDefaultsToNoCheckAndAnOverdueTaskComesFirst() throws Exception {
		var clinic = fixtures.clinicWithR7Checklist("task-hand", OrgRole.EDITOR);
		OrgId org = clinic.org().id();
		RemediationTask later = tasks.create(org, "UTMのファームウェア更新", null, null, LocalDate.of(2025, 12, 1), "t");
		RemediationTask overdue = tasks.create(org, "バックアップの復元テスト", "年1回", "佐藤", LocalDate.of(2025, 5, 31), "t");
		assertThat(tasks.list(org, null)).extracting(RemediationTask::id).containsExactly(overdue.id(), later.id());
		assertThat(tasks.update(org, later.id(), 0, null, null, TaskStatus.DONE, "t").recheck()).isEmpty();
		assertThat(tasks.list(org, TaskStatus.OPEN)).extracting(RemediationTask::id).containsExactly(overdue.id());
		assertThat(body(get("/orgs/" + org + "/tasks").with(user(clinic.username())))).contains("期日超過");
		mvc.perform(post("/orgs/" + org + "/tasks").param("title", " ").with(user(clinic.username())).with(csrf()))
			.andExpect(flash().attribute("taskError", "課題の件名を入力してください"));
	}

	@Test
	void anotherOrganisationReachesNoTask() throws Exception {
		var a = fixtures.clinicWithR7Checklist("task-a", OrgRole.ADMIN);
		var b = fixtures.clinicWithR7Checklist("task-b", OrgRole.ADMIN);
		OrgId org = a.org().id();
		RemediationTask task = tasks.create(org, "A-SECRET-TASK", null, null, null, "a");
		String tokenOfB = tokens.create(b.org().id(), b.username(), b.username());

		mvc.perform(get("/orgs/" + org + "/tasks").with(user(b.username()))).andExpect(status().isForbidden());
		mvc.perform(get("/orgs/" + org + "/tasks/" + task.id()).with(user(b.username())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/orgs/" + org + "/tasks").header("Authorization", "Bearer " + tokenOfB))
			.andExpect(status().isForbidden());
		mvc.perform(post("/orgs/" + org + "/tasks/" + task.id()).param("expectedVersion", "0")
			.param("status", "done")
			.with(user(b.username()))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(
				post("/orgs/" + org + "/assessments/" + a.assessment() + "/items/2-5/tasks").with(user(b.username()))
					.with(csrf()))
			.andExpect(status().isForbidden());
		// B's own id space does not see A's task either
		assertThat(tasks.find(b.org().id(), task.id())).isEmpty();
		assertThat(tasks.require(org, task.id()).status()).isEqualTo(TaskStatus.OPEN);
	}

	private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
