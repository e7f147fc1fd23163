package jp.mamori;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jp.mamori.evaluation.RemediationTasks;
import jp.mamori.evidence.EvidenceFile;
import jp.mamori.evidence.EvidenceFiles;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.reminder.TaskReminders;
import jp.mamori.support.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Mamori nodes, two application contexts on their own ports, sharing one PostgreSQL
 * database (issue 9 item 3): a session started on one node is the session on the other, a
 * scheduled job triggered on both at the same moment does its work once, and an evidence
 * file stored through one node is served by the other byte for byte. The nodes are
 * reached over real HTTP (form login with CSRF, the SESSION cookie carried by hand), as a
 * load balancer without sticky sessions would.
 */
class TwoNodeTests {

	static final String PASSWORD = "Mamori-Two-Nodes-2026!";

	@RegisterExtension
	static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	static void startTwoNodes() {
		PostgresDatabase.Database db = PostgresDatabase.create();
		// one after the other: the first runs the Flyway migrations, the second finds
		// them done (as when a second node joins a running cluster)
		nodeA = node(db, "node-a");
		nodeB = node(db, "node-b");
	}

	@AfterAll
	static void stopNodes() {
		if (nodeB != null) {
			nodeB.close();
		}
		if (nodeA != null) {
			nodeA.close();
		}
	}

	static ConfigurableApplicationContext node(PostgresDatabase.Database db, String name) {
		Map<String, Object> properties = Map.ofEntries(Map.entry("spring.datasource.url", db.url()),
				Map.entry("spring.datasource.username", db.user()),
				Map.entry("spring.datasource.password", db.password()),
				Map.entry("spring.datasource.hikari.maximum-pool-size", 4), Map.entry("server.port", 0),
				Map.entry("spring.main.banner-mode", "off"), Map.entry("logging.level.root", "WARN"),
				Map.entry("spring.mail.host", "127.0.0.1"), Map.entry("spring.mail.port", SMTP.getSmtp().getPort()),
				Map.entry("mamori.mail.from", "mamori@example.jp"),
				// the schedules stay out of the way: the test triggers the jobs itself
				Map.entry("mamori.reminders.cron", "-"), Map.entry("mamori.accesslog.retention-cron", "-"),
				Map.entry("spring.application.name", "mamori-" + name));
		// as command-line arguments: they win over application.properties (builder
		// properties would only be defaults, and the H2 URL there would win)
		String[] args = properties.entrySet()
			.stream()
			.map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(MamoriApplication.class).run(args);
	}

	static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	static URI uri(ConfigurableApplicationContext node, String path) {
		return URI.create("http://127.0.0.1:" + port(node) + path);
	}

	/** A user of a new clinic, made through node A (the database is the same). */
	static Organization clinicWithUser(String username, String email) {
		Organization org = nodeA.getBean(Organizations.class).create("二拠点診療所 " + username, OrgKind.INSTITUTION, "test");
		UserAccounts users = nodeA.getBean(UserAccounts.class);
		users.create(org.id(), username, "二拠点 太郎", PASSWORD, OrgRole.ADMIN, "test");
		if (email != null) {
			users.changeMailSettings(username, email, true);
		}
		return org;
	}

	// --- a minimal browser: the SESSION cookie and the CSRF token carried by hand

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

	static HttpResponse<String> get(ConfigurableApplicationContext node, String path, String session)
			throws IOException, InterruptedException {
		// Accept as a browser sends it: an unauthenticated page request is then sent to
		// the login page (other clients get 401)
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, path)).header("Accept", "text/html").GET();
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> post(ConfigurableApplicationContext node, String path, String session,
			Map<String, String> form) throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(uri(node, path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.header("Cookie", "SESSION=" + session)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	static String csrf(HttpResponse<String> page) {
		Matcher m = CSRF.matcher(page.body());
		assertThat(m.find()).as("a CSRF token in the page").isTrue();
		return m.group(1);
	}

	static String session(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.map(SESSION::matcher)
			.filter(Matcher::find)
			.map(m -> m.group(1))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no SESSION cookie in " + response.headers()));
	}

	/** Logs in on a node through the form; returns the authenticated session cookie. */
	static String logIn(ConfigurableApplicationContext node, String username) throws Exception {
		HttpResponse<String> loginPage = get(node, "/login", null);
		assertThat(loginPage.statusCode()).isEqualTo(200);
		String anonymous = session(loginPage);
		HttpResponse<String> loggedIn = post(node, "/login", anonymous,
				Map.of("username", username, "password", PASSWORD, "_csrf", csrf(loginPage)));
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		// the session id changes at login (fixation protection)
		return session(loggedIn);
	}

	@Test
	void aSessionStartedOnOneNodeIsTheSessionOnTheOtherUntilLoggedOutThere() throws Exception {
		Organization org = clinicWithUser("two-nodes-session", null);
		String orgHome = "/orgs/" + org.id().value() + "/tasks";

		String session = logIn(nodeA, "two-nodes-session");

		HttpResponse<String> onB = get(nodeB, orgHome, session);
		assertThat(onB.statusCode()).as("node B knows the session node A started").isEqualTo(200);
		assertThat(onB.body()).as("a signed-in page with the logout form").contains("/logout");
		assertThat(get(nodeB, orgHome, null).statusCode()).as("and without the cookie it does not").isEqualTo(302);

		HttpResponse<String> loggedOut = post(nodeB, "/logout", session, Map.of("_csrf", csrf(onB)));
		assertThat(loggedOut.statusCode()).isEqualTo(302);
		assertThat(loggedOut.headers().firstValue("Location").orElse("")).endsWith("/login?logout");

		HttpResponse<String> backOnA = get(nodeA, orgHome, session);
		assertThat(backOnA.statusCode()).as("logged out on B ends the session on A").isEqualTo(302);
		assertThat(backOnA.headers().firstValue("Location").orElse("")).endsWith("/login");
	}

	@Test
	void theReminderJobTriggeredOnBothNodesAtOnceMailsOnce() throws Exception {
		Organization org = clinicWithUser("two-nodes-reminder", "two-nodes@example.jp");
		nodeA.getBean(RemediationTasks.class)
			.create(org.id(), "VPN装置のファームウェア更新", null, "two-nodes-reminder", LocalDate.now().minusDays(3), "test");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<TaskReminders.Run>> runs = new ArrayList<>();
			for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
				TaskReminders reminders = node.getBean(TaskReminders.class);
				runs.add(threads.submit(() -> {
					start.await();
					return reminders.sendNow();
				}));
			}
			start.countDown();
			int mails = 0;
			for (Future<TaskReminders.Run> run : runs) {
				mails += run.get().mails();
			}
			assertThat(mails).as("mails sent by both nodes together").isEqualTo(1);
		}
		finally {
			threads.shutdownNow();
		}
		long received = java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals("two-nodes@example.jp");
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).count();
		assertThat(received).isEqualTo(1);
	}

	@Test
	void anEvidenceFileStoredThroughOneNodeIsServedByTheOtherUnchanged() throws Exception {
		Organization org = clinicWithUser("two-nodes-evidence", null);
		byte[] content = new byte[300_000];
		new java.util.Random(9).nextBytes(content);
		// a PDF by its first bytes (the store checks them against the extension)
		System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 9);
		EvidenceFile stored = nodeA.getBean(EvidenceFiles.class)
			.store(org.id(), "バックアップ手順書.pdf", content, "test", "two-nodes", "two-nodes-evidence");

		String session = logIn(nodeA, "two-nodes-evidence");
		HttpResponse<byte[]> download = http
			.send(HttpRequest.newBuilder(uri(nodeB, "/orgs/" + org.id().value() + "/evidence/" + stored.id()))
				.header("Cookie", "SESSION=" + session)
				.build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(sha256(download.body())).isEqualTo(sha256(content));
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
