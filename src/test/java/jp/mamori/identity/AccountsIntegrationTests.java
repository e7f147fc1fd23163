package jp.mamori.identity;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import jp.mamori.audit.AuditTrail;
import jp.mamori.organization.Organization;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Accounts, roles, invitations and tokens as R7 asks of Mamori itself. */
@IntegrationTest
class AccountsIntegrationTests {

	static final String NEW_PASSWORD = "Shinsatsu-2025!x";

	@Autowired
	UserAccounts users;

	@Autowired
	Invitations invitations;

	@Autowired
	ApiTokens tokens;

	@Autowired
	OrgAccess access;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	MockMvc mvc;

	@Autowired
	OrganizationSecurity organizationSecurity;

	@Test
	void refusesTheLastFivePasswordsButAcceptsASixthOld() {
		String name = Fixtures.uniqueName("history");
		fixtures.clinicWith(name, OrgRole.EDITOR);
		String current = Fixtures.PASSWORD;
		for (int i = 1; i <= 5; i++) {
			String next = "Kaitei-" + i + "-2025!ok";
			users.changePassword(name, current, next);
			current = next;
		}

		// the five most recent (changes 1–5) are remembered; the original is the sixth
		// and may return
		for (int i = 1; i <= 5; i++) {
			String old = "Kaitei-" + i + "-2025!ok";
			String from = current;
			assertThatThrownBy(() -> users.changePassword(name, from, old)).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("最近使った5つのパスワードは使えません");
		}
		users.changePassword(name, current, Fixtures.PASSWORD);
	}

	@Test
	void refusesAWeakNewPasswordAndAWrongCurrentOne() {
		String name = Fixtures.uniqueName("weak");
		fixtures.clinicWith(name, OrgRole.EDITOR);

		assertThatThrownBy(() -> users.changePassword(name, Fixtures.PASSWORD, "password1")).isInstanceOfSatisfying(
				InvalidInputException.class, ex -> assertThat(ex.violations()).singleElement().satisfies(v -> {
					assertThat(v.field()).isEqualTo("newPassword");
					assertThat(v.message()).contains("8文字以上");
				}));
		assertThatThrownBy(() -> users.changePassword(name, "wrong", NEW_PASSWORD)).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.violations()).extracting(v -> v.field()).containsExactly("currentPassword"));
	}

	@Test
	void anInvitationLinkCreatesOneAccountOnce() {
		Organization org = fixtures.clinicWith(Fixtures.uniqueName("inviter"), OrgRole.ADMIN);
		var created = invitations.invite(org.id(), OrgRole.VIEWER, "inviter");
		String newcomer = Fixtures.uniqueName("newcomer");

		assertThat(invitations.organizationOf(created.token()))
			.hasValueSatisfying(o -> assertThat(o.id()).isEqualTo(org.id()));
		assertThatThrownBy(() -> invitations.acceptAsNewUser(created.token(), newcomer, "新人", "short"))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("8文字以上");
		invitations.acceptAsNewUser(created.token(), newcomer, "新人", NEW_PASSWORD);

		assertThat(users.role(newcomer, org.id())).contains(OrgRole.VIEWER);
		assertThat(invitations.open(created.token())).isEmpty();
		assertThatThrownBy(
				() -> invitations.acceptAsNewUser(created.token(), Fixtures.uniqueName("late"), "遅刻", NEW_PASSWORD))
			.hasMessageContaining("無効か、期限切れか、既に使われています");
		assertThat(audit.entries(org.id(), 20)).extracting(e -> e.action())
			.contains("identity.invitation.created", "identity.invitation.accepted", "identity.user.created");
	}

	@Test
	void anExpiredOrRevokedInvitationIsRefused() {
		Organization org = fixtures.clinicWith(Fixtures.uniqueName("expirer"), OrgRole.ADMIN);
		var expired = invitations.invite(org.id(), OrgRole.EDITOR, "expirer");
		jdbc.sql("update invitation set expires_at = created_at - interval '1' day where id = ?")
			.param(expired.invitation().id())
			.update();
		var revoked = invitations.invite(org.id(), OrgRole.EDITOR, "expirer");
		invitations.revoke(org.id(), revoked.invitation().id(), "expirer");

		assertThat(invitations.open(expired.token())).isEmpty();
		assertThat(invitations.open(revoked.token())).isEmpty();
		assertThatThrownBy(
				() -> invitations.acceptAsNewUser(revoked.token(), Fixtures.uniqueName("x"), "x", NEW_PASSWORD))
			.isInstanceOf(BadInputException.class);
	}

	@Test
	void anExistingUserJoinsASecondOrganisationWithItsOwnRole() {
		String name = Fixtures.uniqueName("twohats");
		Organization first = fixtures.clinicWith(name, OrgRole.ADMIN);
		Organization second = fixtures.clinicWith(Fixtures.uniqueName("host"), OrgRole.ADMIN);
		var created = invitations.invite(second.id(), OrgRole.VIEWER, "host");

		invitations.acceptAsExistingUser(created.token(), name);

		assertThat(users.role(name, first.id())).contains(OrgRole.ADMIN);
		assertThat(users.role(name, second.id())).contains(OrgRole.VIEWER);
		assertThat(users.memberships(name)).hasSize(2);
	}

	@Test
	void theLastAdministratorCannotBeDemotedRemovedOrDeactivated() {
		String admin = Fixtures.uniqueName("only-admin");
		Organization org = fixtures.clinicWith(admin, OrgRole.ADMIN);

		assertThatThrownBy(() -> users.changeRole(org.id(), admin, OrgRole.EDITOR, "someone"))
			.hasMessageContaining("最後の管理者");
		assertThatThrownBy(() -> users.removeMember(org.id(), admin, "someone")).hasMessageContaining("最後の管理者");
		assertThatThrownBy(() -> users.deactivate(org.id(), admin, "someone", false)).hasMessageContaining("最後の管理者");
	}

	@Test
	void aDeactivatedUserLosesAccessAndTokensAtOnce() throws Exception {
		String admin = Fixtures.uniqueName("boss");
		Organization org = fixtures.clinicWith(admin, OrgRole.ADMIN);
		String leaver = Fixtures.uniqueName("leaver");
		users.create(org.id(), leaver, "退職 予定", NEW_PASSWORD, OrgRole.EDITOR, admin);
		String token = tokens.create(org.id(), leaver, admin);
		mvc.perform(get("/api/v1/orgs/" + org.id() + "/assessments").header("Authorization", "Bearer " + token))
			.andExpect(status().isOk());

		users.deactivate(org.id(), leaver, admin, false);

		mvc.perform(get("/api/v1/orgs/" + org.id() + "/assessments").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
		assertThat(users.role(leaver, org.id())).isEmpty();
		assertThat(audit.entries(org.id(), 5)).extracting(e -> e.action()).contains("identity.user.deactivated");
	}

	@Test
	void deactivationEndsTheUsersSessionsAtOnce() throws Exception {
		String admin = Fixtures.uniqueName("session-boss");
		Organization org = fixtures.clinicWith(admin, OrgRole.ADMIN);
		String leaver = Fixtures.uniqueName("session-leaver");
		users.create(org.id(), leaver, "退職 予定", NEW_PASSWORD, OrgRole.EDITOR, admin);
		Cookie session = mvc
			.perform(post("/login").param("username", leaver).param("password", NEW_PASSWORD).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		mvc.perform(get("/orgs/" + org.id() + "/dashboard").cookie(session)).andExpect(status().isOk());

		users.deactivate(org.id(), leaver, admin, false);

		mvc.perform(get("/orgs/" + org.id() + "/dashboard").cookie(session).accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void requiringTwoFactorLogsOutMembersWhoHaveNotEnrolled() throws Exception {
		String admin = Fixtures.uniqueName("policy-boss");
		Organization org = fixtures.clinicWith(admin, OrgRole.ADMIN);
		Cookie session = mvc
			.perform(post("/login").param("username", admin).param("password", Fixtures.PASSWORD).with(csrf()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		mvc.perform(get("/orgs/" + org.id() + "/dashboard").cookie(session)).andExpect(status().isOk());

		organizationSecurity.requireTwoFactor(org.id(), true, admin);

		mvc.perform(get("/orgs/" + org.id() + "/dashboard").cookie(session).accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void anAdministratorMayNotDeactivateSomeoneWhoAlsoWorksElsewhere() {
		String admin = Fixtures.uniqueName("clinic-boss");
		Organization clinic = fixtures.clinicWith(admin, OrgRole.ADMIN);
		String shared = Fixtures.uniqueName("shared");
		Organization elsewhere = fixtures.clinicWith(shared, OrgRole.ADMIN);
		invitations.acceptAsExistingUser(invitations.invite(clinic.id(), OrgRole.EDITOR, admin).token(), shared);

		assertThatThrownBy(() -> users.deactivate(clinic.id(), shared, admin, false)).hasMessageContaining("他の組織にも所属");
		users.removeMember(clinic.id(), shared, admin);
		assertThat(users.role(shared, clinic.id())).isEmpty();
		assertThat(users.role(shared, elsewhere.id())).contains(OrgRole.ADMIN);
	}

	@Test
	void aTokenActsWithNoMoreThanItsRoleAndStopsWhenRevokedOrExpired() throws Exception {
		String admin = Fixtures.uniqueName("token-admin");
		Organization org = fixtures.clinicWith(admin, OrgRole.ADMIN);
		String readOnly = tokens.create(org.id(), admin, OrgRole.VIEWER, "集計用", null, admin);
		String body = """
				{"answer":"yes","checkedOn":"2025-06-01"}""";

		mvc.perform(get("/api/v1/orgs/" + org.id() + "/assessments").header("Authorization", "Bearer " + readOnly))
			.andExpect(status().isOk());
		mvc.perform(put("/api/v1/orgs/" + org.id() + "/assessments/" + UUID.randomUUID() + "/rounds/1/answers/1-1")
			.header("Authorization", "Bearer " + readOnly)
			.contentType("application/json")
			.content(body)).andExpect(status().isForbidden());

		String viewer = Fixtures.uniqueName("token-viewer");
		users.create(org.id(), viewer, "閲覧", NEW_PASSWORD, OrgRole.VIEWER, admin);
		assertThatThrownBy(() -> tokens.create(org.id(), viewer, OrgRole.ADMIN, null, null, admin))
			.hasMessageContaining("以下にしてください");

		var info = tokens.list(org.id()).stream().filter(t -> "集計用".equals(t.label())).findFirst().orElseThrow();
		assertThat(info.lastUsedAt()).isNotNull();
		tokens.revoke(org.id(), info.id(), admin);
		mvc.perform(get("/api/v1/orgs/" + org.id() + "/assessments").header("Authorization", "Bearer " + readOnly))
			.andExpect(status().isUnauthorized());

		String shortLived = tokens.create(org.id(), admin, null, "期限付き",
				LocalDate.of(2025, 6, 16).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), admin);
		jdbc.sql("update api_token set expires_at = created_at where label = '期限付き'").update();
		mvc.perform(get("/api/v1/orgs/" + org.id() + "/assessments").header("Authorization", "Bearer " + shortLived))
			.andExpect(status().isUnauthorized());
	}

}
