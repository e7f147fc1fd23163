package jp.mamori.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import jakarta.servlet.http.Cookie;
import jp.mamori.audit.AuditEntry;
import jp.mamori.audit.AuditTrail;
import jp.mamori.organization.Organization;
import jp.mamori.support.FixedClockConfiguration;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The login in two steps over HTTP (checklist item R7 2-⑩): password, then a code; a
 * partial login reaches nothing but its pending step; an organisation that requires two
 * factors sends its members to enrol first; API tokens are not asked for a code.
 */
@IntegrationTest
class TwoFactorLoginIntegrationTests {

	static final String WRONG = "確認コードが正しくありません";

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts users;

	@Autowired
	TwoFactor twoFactor;

	@Autowired
	OrgAccess access;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AuditTrail audit;

	/** A browser for MockMvc: keeps the session cookie between requests. */
	final class Visitor {

		Cookie session;

		MockHttpServletResponse perform(RequestBuilder request) throws Exception {
			if (session != null && request instanceof MockHttpServletRequestBuilder builder) {
				builder.cookie(session);
			}
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			Cookie renewed = response.getCookie("SESSION");
			if (renewed != null) {
				session = renewed;
			}
			return response;
		}

		MockHttpServletResponse login(String username) throws Exception {
			return perform(formLogin().user(username).password(Fixtures.PASSWORD));
		}

	}

	/**
	 * The code an authenticator app shows {@code steps} time steps after the fixed clock.
	 */
	static String appCode(String secret, int steps) throws Exception {
		long step = FixedClockConfiguration.NOW.toEpochSecond() / 30 + steps;
		return new DefaultCodeGenerator().generate(secret, step);
	}

	/** Enrols the user at the fixed time; returns the secret. */
	String enrolled(String username) throws Exception {
		String secret = twoFactor.startEnrolment(username).secret();
		twoFactor.confirmEnrolment(username, appCode(secret, 0));
		return secret;
	}

	static Document page(MockHttpServletResponse response) throws Exception {
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	List<String> actions(Organization org) {
		return audit.entries(org.id(), 100).stream().map(AuditEntry::action).toList();
	}

	@Test
	void asksForACodeAfterThePasswordAndLogsInOnlyWithIt() throws Exception {
		String name = Fixtures.uniqueName("tf-login");
		Organization org = fixtures.clinicWith(name, OrgRole.ADMIN);
		String secret = enrolled(name);
		Visitor browser = new Visitor();

		assertThat(browser.login(name).getRedirectedUrl()).isEqualTo("/login/two-factor");
		Cookie partial = browser.session;

		// nothing but the code page
		for (String path : List.of("/", "/orgs/" + org.id() + "/dashboard", "/orgs/" + org.id() + "/settings",
				"/account/security", "/account/password", "/orgs/" + org.id() + "/security")) {
			MockHttpServletResponse response = browser.perform(get(path));
			assertThat(response.getStatus()).as(path).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).as(path).isEqualTo("/login/two-factor");
		}
		assertThat(browser.perform(get("/api/v1/orgs/{org}/assessments", org.id())).getStatus()).isEqualTo(403);

		Document form = page(browser.perform(get("/login/two-factor")));
		assertThat(form.select("#code")).hasSize(1);
		assertThat(form.select("#two-factor-submit")).hasSize(1);

		MockHttpServletResponse wrong = browser.perform(post("/login/two-factor").param("code", "000000").with(csrf()));
		assertThat(wrong.getStatus()).isEqualTo(200);
		assertThat(page(wrong).select("#two-factor-error").text()).contains(WRONG);
		// the code used at enrolment does not work a second time
		MockHttpServletResponse reused = browser
			.perform(post("/login/two-factor").param("code", appCode(secret, 0)).with(csrf()));
		assertThat(page(reused).select("#two-factor-error").text()).contains(WRONG);

		MockHttpServletResponse right = browser
			.perform(post("/login/two-factor").param("code", appCode(secret, 1)).with(csrf()));
		assertThat(right.getRedirectedUrl()).isEqualTo("/");
		assertThat(browser.session.getValue()).as("a new session id once fully logged in")
			.isNotEqualTo(partial.getValue());
		assertThat(browser.perform(get("/orgs/{org}/dashboard", org.id())).getStatus()).isEqualTo(200);
		assertThat(browser.perform(get("/login/two-factor")).getStatus()).isEqualTo(403);
		assertThat(actions(org)).contains("identity.2fa.enrolled", "identity.2fa.failed", "identity.2fa.verified");
	}

	@Test
	void logsInWithARecoveryCodeOnlyOnce() throws Exception {
		String name = Fixtures.uniqueName("tf-recovery");
		Organization org = fixtures.clinicWith(name, OrgRole.EDITOR);
		String secret = twoFactor.startEnrolment(name).secret();
		List<String> codes = twoFactor.confirmEnrolment(name, appCode(secret, 0));

		Visitor first = new Visitor();
		first.login(name);
		assertThat(first.perform(post("/login/two-factor").param("code", codes.get(0)).with(csrf())).getRedirectedUrl())
			.isEqualTo("/");
		first.perform(logout());

		Visitor second = new Visitor();
		second.login(name);
		MockHttpServletResponse again = second
			.perform(post("/login/two-factor").param("code", codes.get(0)).with(csrf()));
		assertThat(page(again).select("#two-factor-error").text()).contains(WRONG);
		assertThat(second.perform(get("/orgs/{org}/dashboard", org.id())).getRedirectedUrl())
			.isEqualTo("/login/two-factor");
		assertThat(actions(org)).contains("identity.2fa.recovery-code-used");
	}

	@Test
	void aPartialLoginHasNoRoleAnywhere() {
		String name = Fixtures.uniqueName("tf-partial");
		Organization org = fixtures.clinicWith(name, OrgRole.ADMIN);
		var password = UsernamePasswordAuthenticationToken.authenticated(name, null,
				AuthorityUtils.createAuthorityList("ROLE_SYSTEM_ADMIN"));
		try {
			SecurityContextHolder.getContext().setAuthentication(password);
			assertThat(access.canAdminister(org.id())).isTrue();

			SecurityContextHolder.getContext()
				.setAuthentication(new PasswordOnlyAuthentication(password, PasswordOnlyAuthentication.Pending.CODE));

			assertThat(access.canView(org.id())).isFalse();
			assertThat(access.canEdit(org.id())).isFalse();
			assertThat(access.canAdminister(org.id())).isFalse();
			assertThat(access.role(org.id())).isEmpty();
			assertThat(access.isSystemAdmin()).isFalse();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void anOrganisationThatRequiresTwoFactorSendsAMemberToEnrolFirst() throws Exception {
		String admin = Fixtures.uniqueName("tf-policy-admin");
		Organization org = fixtures.clinicWith(admin, OrgRole.ADMIN);
		String member = Fixtures.uniqueName("tf-policy-member");
		users.create(org.id(), member, "試験 花子", Fixtures.PASSWORD, OrgRole.EDITOR, admin);

		MockHttpServletResponse saved = mvc.perform(
				post("/orgs/{org}/security", org.id()).param("requireTwoFactor", "true").with(user(admin)).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(saved.getRedirectedUrl()).isEqualTo("/orgs/" + org.id() + "/security");
		assertThat(actions(org)).contains("identity.2fa.organization-policy-changed");

		Visitor browser = new Visitor();
		assertThat(browser.login(member).getRedirectedUrl()).isEqualTo("/account/security");
		assertThat(browser.perform(get("/orgs/{org}/dashboard", org.id())).getRedirectedUrl())
			.isEqualTo("/account/security");
		assertThat(browser.perform(get("/login/two-factor")).getRedirectedUrl()).isEqualTo("/account/security");
		assertThat(browser.perform(get("/api/v1/orgs/{org}/assessments", org.id())).getStatus()).isEqualTo(403);
		Document enrol = page(browser.perform(get("/account/security")));
		assertThat(enrol.select("#two-factor-required")).hasSize(1);
		assertThat(enrol.select("#administered-organizations")).isEmpty();

		browser.perform(post("/account/security/enrolment").with(csrf()));
		String secret = page(browser.perform(get("/account/security"))).select("#totp-secret").text();
		Cookie partial = browser.session;
		Document done = page(browser
			.perform(post("/account/security/enrolment/confirm").param("code", appCode(secret, 0)).with(csrf())));

		assertThat(done.select("#recovery-codes li")).hasSize(10);
		assertThat(browser.session.getValue()).isNotEqualTo(partial.getValue());
		assertThat(browser.perform(get("/orgs/{org}/dashboard", org.id())).getStatus()).isEqualTo(200);
		assertThat(twoFactor.isEnabled(member)).isTrue();
		// and it cannot be turned off while the organisation requires it
		MockHttpServletResponse disable = browser
			.perform(post("/account/security/disable").param("code", appCode(secret, 1)).with(csrf()));
		assertThat(disable.getRedirectedUrl()).isEqualTo("/account/security");
		assertThat(twoFactor.isEnabled(member)).isTrue();
	}

	@Test
	void enrolsFromTheAccountPageAndShowsTheRecoveryCodesOnce() throws Exception {
		String name = Fixtures.uniqueName("tf-enrol");
		Organization org = fixtures.clinicWith(name, OrgRole.VIEWER);

		Document before = page(mvc.perform(get("/account/security").with(user(name))).andReturn().getResponse());
		assertThat(before.select("#two-factor-state").text()).isEqualTo("未設定");
		assertThat(before.select("#totp-start")).hasSize(1);

		mvc.perform(post("/account/security/enrolment").with(user(name)).with(csrf()));
		MockHttpServletResponse pending = mvc.perform(get("/account/security").with(user(name)))
			.andReturn()
			.getResponse();
		Document scan = page(pending);
		assertThat(scan.select("#totp-qr").attr("src")).startsWith("data:image/png;base64,");
		String secret = scan.select("#totp-secret").text();
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(pending.getHeader("Content-Security-Policy")).contains("img-src 'self' data:");

		Document wrong = page(mvc
			.perform(post("/account/security/enrolment/confirm").param("code", "000000").with(user(name)).with(csrf()))
			.andReturn()
			.getResponse());
		assertThat(wrong.select("#two-factor-error").text()).contains(WRONG);

		Document confirmed = page(mvc
			.perform(post("/account/security/enrolment/confirm").param("code", appCode(secret, 0))
				.with(user(name))
				.with(csrf()))
			.andReturn()
			.getResponse());
		assertThat(confirmed.select("#recovery-codes li")).hasSize(10);

		Document after = page(mvc.perform(get("/account/security").with(user(name))).andReturn().getResponse());
		assertThat(after.select("#recovery-codes")).isEmpty();
		assertThat(after.select("#two-factor-state").text()).isEqualTo("有効");
		assertThat(after.select("#recovery-remaining").text()).isEqualTo("10");
		assertThat(actions(org)).contains("identity.2fa.enrolled");
	}

	@Test
	void anAdministratorRequiresTwoFactorAndResetsAMembersAuthenticator() throws Exception {
		String admin = Fixtures.uniqueName("tf-reset-admin");
		Organization org = fixtures.clinicWith(admin, OrgRole.ADMIN);
		String member = Fixtures.uniqueName("tf-reset-member");
		users.create(org.id(), member, "試験 次郎", Fixtures.PASSWORD, OrgRole.EDITOR, admin);
		enrolled(member);

		Document settings = page(
				mvc.perform(get("/orgs/{org}/security", org.id()).with(user(admin))).andReturn().getResponse());
		assertThat(settings.select("#require-two-factor")).hasSize(1);
		assertThat(settings.select("#member-" + member + " .two-factor-state").text()).isEqualTo("有効");

		MockHttpServletResponse reset = mvc.perform(
				post("/orgs/{org}/security/reset", org.id()).param("username", member).with(user(admin)).with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(reset.getRedirectedUrl()).isEqualTo("/orgs/" + org.id() + "/security");
		assertThat(twoFactor.isEnabled(member)).isFalse();
		assertThat(audit.entries(org.id(), 100)).anySatisfy(entry -> {
			assertThat(entry.action()).isEqualTo("identity.2fa.reset");
			assertThat(entry.actor()).isEqualTo(admin);
			assertThat(entry.target()).isEqualTo(member);
		});
	}

	@Test
	void onlyAnAdministratorOfTheOrganisationReachesItsSecuritySettings() throws Exception {
		String admin = Fixtures.uniqueName("tf-guard-admin");
		Organization org = fixtures.clinicWith(admin, OrgRole.ADMIN);
		String editor = Fixtures.uniqueName("tf-guard-editor");
		users.create(org.id(), editor, "試験 三郎", Fixtures.PASSWORD, OrgRole.EDITOR, admin);
		String stranger = Fixtures.uniqueName("tf-guard-stranger");
		fixtures.clinicWith(stranger, OrgRole.ADMIN);

		for (String who : List.of(editor, stranger)) {
			assertThat(mvc.perform(get("/orgs/{org}/security", org.id()).with(user(who)))
				.andReturn()
				.getResponse()
				.getStatus()).as(who).isEqualTo(403);
			assertThat(mvc
				.perform(post("/orgs/{org}/security", org.id()).param("requireTwoFactor", "true")
					.with(user(who))
					.with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus()).as(who).isEqualTo(403);
		}
		assertThat(mvc.perform(get("/orgs/{org}/security", org.id()).with(user(admin)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void apiTokensAreNotAskedForASecondFactorButCannotManageIt() throws Exception {
		String name = Fixtures.uniqueName("tf-api");
		Organization org = fixtures.clinicWith(name, OrgRole.ADMIN);
		enrolled(name);
		String token = tokens.create(org.id(), name, "test");

		assertThat(mvc.perform(
				get("/api/v1/orgs/{org}/assessments", org.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(mvc.perform(post("/account/security/enrolment").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc
			.perform(post("/orgs/{org}/security/reset", org.id()).param("username", name)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

}
