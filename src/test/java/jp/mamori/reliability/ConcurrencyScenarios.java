package jp.mamori.reliability;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;
import jp.mamori.accesslog.ImportAccessLog;
import jp.mamori.accesslog.ImportedFile;
import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.organization.Organization;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.ImportLock;
import jp.mamori.shared.ledger.LedgerImportJobs;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.LedgerMother;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two people, two sessions, one record; two imports into one target at the same time — on
 * whichever database the subclass gives (H2 and PostgreSQL). No save is lost without the
 * person seeing it, and no import is mixed with another.
 */
abstract class ConcurrencyScenarios {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts users;

	@Autowired
	LedgerMother ledgerMother;

	@Autowired
	LedgerStore store;

	@Autowired
	Ledgers ledgers;

	@Autowired
	LedgerImportJobs ledgerImports;

	@Autowired
	ImportAccessLog importAccessLog;

	@Autowired
	JdbcClient jdbc;

	/** One browser: a logged-in session of its own (the SESSION cookie). */
	final class Session {

		private Cookie cookie;

		Session(String username) throws Exception {
			MockHttpServletResponse login = perform(formLogin().user(username).password(Fixtures.PASSWORD));
			assertThat(login.getStatus()).isEqualTo(302);
			assertThat(cookie).isNotNull();
		}

		MockHttpServletResponse perform(RequestBuilder request) throws Exception {
			if (cookie != null && request instanceof MockHttpServletRequestBuilder builder) {
				builder.cookie(cookie);
			}
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			Cookie renewed = response.getCookie("SESSION");
			if (renewed != null) {
				cookie = renewed;
			}
			return response;
		}

		Document page(String path) throws Exception {
			MockHttpServletResponse response = perform(get(path));
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
		}

		Document post(MockHttpServletRequestBuilder request) throws Exception {
			MockHttpServletResponse response = perform(request.with(csrf()));
			assertThat(response.getStatus()).isEqualTo(200);
			return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
		}

	}

	private record Team(Organization org, String alice, String bob) {
	}

	private Team team(String prefix) {
		String alice = Fixtures.uniqueName(prefix + "-alice");
		Organization org = fixtures.clinicWith(alice, OrgRole.EDITOR);
		String bob = Fixtures.uniqueName(prefix + "-bob");
		users.create(org.id(), bob, "山田 次郎", Fixtures.PASSWORD, OrgRole.EDITOR, "test");
		return new Team(org, alice, bob);
	}

	@Test
	void theSecondSaveOfAnAnswerIsRefusedAndShowsTheNewerAnswer() throws Exception {
		Team team = team("answer");
		UUID assessment = createChecklist(team);
		String page = "/orgs/" + team.org().id() + "/assessments/" + assessment;
		String save = page + "/rounds/1/items/1-1";
		Session alice = new Session(team.alice());
		Session bob = new Session(team.bob());
		String aliceVersion = alice.page(page).select("#item-1-1 input[name=version]").val();
		String bobVersion = bob.page(page).select("#item-1-1 input[name=version]").val();
		assertThat(bobVersion).isEqualTo(aliceVersion).isNotBlank();

		Document saved = alice.post(post(save).header("HX-Request", "true")
			.param("answer", "yes")
			.param("checkedOn", "2025-06-01")
			.param("note", "アリスの確認")
			.param("version", aliceVersion));
		assertThat(saved.select(".saved")).isNotEmpty();
		Document refused = bob.post(post(save).header("HX-Request", "true")
			.param("answer", "no")
			.param("checkedOn", "2025-06-02")
			.param("targetDate", "2025-12-01")
			.param("note", "ボブの確認")
			.param("version", bobVersion));

		String message = refused.select(".conflict").text();
		assertThat(message).contains("他の人が先に更新しました（" + team.alice() + "、")
			.contains("回答「はい」")
			.contains("備考「アリスの確認」")
			.contains("まだ保存されていません");
		assertThat(refused.select("textarea[name=note]").val()).as("what Bob typed is still on his screen")
			.isEqualTo("ボブの確認");
		assertThat(refused.select("#item-1-1 input[name=version]").val())
			.as("a second click on 保存 after reading the message is a deliberate overwrite of the newer answer")
			.isEqualTo(String.valueOf(Integer.parseInt(aliceVersion) + 1));
		assertThat(alice.page(page).select("#item-1-1 textarea[name=note]").val()).isEqualTo("アリスの確認");
	}

	@Test
	void theSecondSaveOfALedgerRowIsRefusedAndShowsTheNewerValues() throws Exception {
		Team team = team("ledger");
		LedgerRow row = ledgerMother.row("devices", team.org().id(),
				Map.of("name", "電子カルテサーバ", "os", "Windows Server 2019"));
		String form = "/orgs/" + team.org().id() + "/ledgers/devices/rows/" + row.id();
		Session alice = new Session(team.alice());
		Session bob = new Session(team.bob());
		Document aliceForm = alice.page(form);
		Document bobForm = bob.page(form);

		MockHttpServletResponse aliceSaved = alice
			.perform(fill(aliceForm, Map.of("os", "Windows Server 2022")).with(csrf()));
		assertThat(aliceSaved.getStatus()).isEqualTo(302);
		Document refused = bob.post(fill(bobForm, Map.of("os", "Ubuntu 24.04")));

		assertThat(refused.text()).contains("他の人が先に更新しました（" + team.alice() + "、")
			.contains("OS「Windows Server 2022」（あなたの入力「Ubuntu 24.04」）")
			.contains("まだ保存されていません");
		assertThat(refused.select("[name=os]").val()).as("what Bob typed is still in the form")
			.isEqualTo("Ubuntu 24.04");
		assertThat(store.find(ledgers.require("devices"), team.org().id(), row.id()).orElseThrow().value("os"))
			.isEqualTo("Windows Server 2022");
	}

	/** Posts a ledger form as the browser would, with some fields changed. */
	private MockHttpServletRequestBuilder fill(Document form, Map<String, String> changes) {
		var action = form.select("#ledger-row-form").first();
		assertThat(action).isNotNull();
		MockHttpServletRequestBuilder request = post(action.attr("action"));
		for (var input : action.select("input[name], select[name], textarea[name]")) {
			String name = input.attr("name");
			if (name.equals("_csrf") || (input.attr("type").equals("checkbox") && !input.hasAttr("checked"))) {
				continue;
			}
			String value = changes.containsKey(name) ? changes.get(name)
					: input.tagName().equals("select") ? input.select("option[selected]").val() : input.val();
			request.param(name, value);
		}
		return request;
	}

	@Test
	void twoImportsIntoTheSameLedgerRunOneAfterTheOtherAndTheLedgerEndsAsOneFile() throws Exception {
		Organization org = fixtures.clinicWith(Fixtures.uniqueName("imports"), OrgRole.ADMIN);
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			ids.add(ledgerMother.row("devices", org.id(), Map.of("name", "端末" + i, "os", "Windows 10")).id());
		}
		byte[] fileA = devices(ids, "Windows 11");
		byte[] fileB = devices(ids, "Ubuntu 24.04");
		var definition = ledgers.require("devices");

		List<Object> outcomes = race(() -> ledgerImports.runNow(definition, org.id(), "a.csv", fileA, "utf-8", "alice"),
				() -> ledgerImports.runNow(definition, org.id(), "b.csv", fileB, "utf-8", "bob"));

		for (Object outcome : outcomes) {
			assertThat(outcome).as("each import either ran or was refused cleanly")
				.satisfiesAnyOf(
						o -> assertThat(o).isInstanceOf(jp.mamori.shared.ledger.LedgerRecords.ImportResult.class),
						o -> assertThat(o).isInstanceOf(ConflictException.class)
							.extracting(e -> ((Exception) e).getMessage())
							.isEqualTo(ImportLock.BUSY));
		}
		Set<Object> systems = new HashSet<>();
		for (UUID id : ids) {
			systems.add(store.find(definition, org.id(), id).orElseThrow().value("os"));
		}
		assertThat(systems).as("every row as one of the two files left it").hasSize(1);
		assertThat(systems).isSubsetOf("Windows 11", "Ubuntu 24.04");
		assertThat(store.count(definition, org.id())).isEqualTo(300);
	}

	@Test
	void twoImportsOfOverlappingLogsAtTheSameTimeStoreEveryEventOnce() throws Exception {
		Organization org = fixtures.clinicWith(Fixtures.uniqueName("logs"), OrgRole.ADMIN);
		// the same log exported twice, the second time after it grew: 6,000 events in
		// both
		byte[] first = authLog(0, 6000);
		byte[] second = authLog(0, 9000);

		List<Object> outcomes = race(
				() -> importAccessLog.importFile(org.id(), null, "first.log", new ByteArrayInputStream(first),
						LogFormat.LINUX, "alice", null),
				() -> importAccessLog.importFile(org.id(), null, "second.log", new ByteArrayInputStream(second),
						LogFormat.LINUX, "bob", null));

		assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(ImportedFile.class));
		long added = outcomes.stream().mapToLong(o -> ((ImportedFile) o).added()).sum();
		long stored = jdbc.sql("select count(*) from accesslog_event where org_id = ?")
			.param(org.id().value())
			.query(Long.class)
			.single();
		long distinct = jdbc.sql("select count(distinct fingerprint) from accesslog_event where org_id = ?")
			.param(org.id().value())
			.query(Long.class)
			.single();
		assertThat(stored).isEqualTo(9000).isEqualTo(distinct).isEqualTo(added);
		assertThat(outcomes.stream().mapToLong(o -> ((ImportedFile) o).duplicates()).sum())
			.as("the overlap is counted as already stored by whichever file came second")
			.isEqualTo(6000);
	}

	/** Starts both at the same moment; each outcome is the result or the exception. */
	private static List<Object> race(Callable<?> one, Callable<?> two) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Object>> futures = new ArrayList<>();
			for (Callable<?> task : List.of(one, two)) {
				futures.add(threads.submit(() -> {
					go.await();
					try {
						return task.call();
					}
					catch (Exception ex) {
						return ex;
					}
				}));
			}
			go.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> future : futures) {
				outcomes.add(future.get(5, TimeUnit.MINUTES));
			}
			return outcomes;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static byte[] devices(List<UUID> ids, String os) {
		StringBuilder csv = new StringBuilder("ID,機器名,種別,OS,IPアドレス,導入日,インターネットに接続\r\n");
		for (int i = 0; i < ids.size(); i++) {
			csv.append(ids.get(i)).append(",端末").append(i).append(",サーバ,").append(os).append(",,2023/1/1,いいえ\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] authLog(int from, int to) {
		StringBuilder log = new StringBuilder();
		for (int i = from; i < to; i++) {
			int second = i % 86_400;
			log.append(String.format(
					"Jun %2d %02d:%02d:%02d web01 sshd[%d]: Failed password for invalid user u%d "
							+ "from 10.0.%d.%d port %d ssh2\n",
					1 + i / 86_400, second / 3600, second / 60 % 60, second % 60, 1000 + i, i, (i / 256) % 256, i % 256,
					1024 + i));
		}
		return log.toString().getBytes(StandardCharsets.UTF_8);
	}

	private UUID createChecklist(Team team) {
		return createAssessment.create(team.org().id(), 2025, "R7", "institution", null, "test").id();
	}

	@Autowired
	jp.mamori.assessment.CreateAssessment createAssessment;

}
