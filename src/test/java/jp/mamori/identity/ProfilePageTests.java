package jp.mamori.identity;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;
import jp.mamori.audit.AuditEntry;
import jp.mamori.audit.AuditTrail;
import jp.mamori.organization.Organization;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
 * One's own e-mail address and reminder choice on /account/profile, over a real login
 * session: a malformed address is refused with a message naming the field and changes
 * nothing; a good one is saved, audited and shown to the organisation's administrators.
 */
@IntegrationTest
class ProfilePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts users;

	@Autowired
	AuditTrail audit;

	/**
	 * A browser for MockMvc: keeps the SESSION cookie (Spring Session) between requests.
	 */
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

		Visitor loggedIn(String username) throws Exception {
			MockHttpServletResponse login = perform(formLogin().user(username).password(Fixtures.PASSWORD));
			assertThat(login.getStatus()).isEqualTo(302);
			assertThat(session).isNotNull();
			return this;
		}

		Document page(String path) throws Exception {
			MockHttpServletResponse response = perform(get(path));
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
		}

	}

	@Test
	void aMemberSetsTheirAddressAndAdministratorsSeeIt() throws Exception {
		String admin = Fixtures.uniqueName("profile-admin");
		Organization org = fixtures.clinicWith(admin, OrgRole.ADMIN);
		String member = Fixtures.uniqueName("profile-member");
		users.create(org.id(), member, "看護 花子", Fixtures.PASSWORD, OrgRole.EDITOR, admin);
		Visitor browser = new Visitor().loggedIn(member);

		Document empty = browser.page("/account/profile");
		assertThat(empty.select("#email").val()).isEmpty();
		assertThat(empty.select("#reminders").hasAttr("checked")).as("reminders on by default").isTrue();

		MockHttpServletResponse saved = browser
			.perform(post("/account/profile").param("email", " hanako@example.jp ").with(csrf()));
		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(saved.getRedirectedUrl()).isEqualTo("/account/profile");
		assertThat(users.mailSettings(member)).isEqualTo(new MailSettings("hanako@example.jp", false));

		Document after = browser.page("/account/profile");
		assertThat(after.select("#profile-saved")).hasSize(1);
		assertThat(after.select("#email").val()).isEqualTo("hanako@example.jp");
		assertThat(after.select("#reminders").hasAttr("checked")).isFalse();
		assertThat(audit.entries(org.id(), 20)).filteredOn(e -> e.action().equals("identity.mail.changed"))
			.extracting(AuditEntry::detail)
			.containsExactly("（なし） 通知あり → hanako@example.jp 通知なし");

		Document members = new Visitor().loggedIn(admin).page("/orgs/" + org.id() + "/members");
		assertThat(members.select("#member-" + member + " .member-email").text()).contains("hanako@example.jp")
			.contains("通知停止中");
		assertThat(members.select("#member-" + admin + " .member-email").text()).contains("未登録");
	}

	@Test
	void refusesAMalformedAddressNamingTheField() throws Exception {
		String member = Fixtures.uniqueName("profile-typo");
		fixtures.clinicWith(member, OrgRole.EDITOR);
		users.changeMailSettings(member, "before@example.jp", true);
		Visitor browser = new Visitor().loggedIn(member);

		MockHttpServletResponse refused = browser.perform(
				post("/account/profile").param("email", "taro＠example.jp").param("reminders", "true").with(csrf()));

		assertThat(refused.getStatus()).isEqualTo(200);
		Document page = Jsoup.parse(refused.getContentAsString(StandardCharsets.UTF_8));
		assertThat(page.select("#email-error").text()).contains("メールアドレスの形式が正しくありません");
		assertThat(page.select("#email").val()).as("kept for correction").isEqualTo("taro＠example.jp");
		assertThat(users.mailSettings(member)).isEqualTo(new MailSettings("before@example.jp", true));
	}

	@Test
	void aBlankAddressRemovesIt() throws Exception {
		String member = Fixtures.uniqueName("profile-blank");
		fixtures.clinicWith(member, OrgRole.VIEWER);
		users.changeMailSettings(member, "before@example.jp", true);
		Visitor browser = new Visitor().loggedIn(member);

		browser.perform(post("/account/profile").param("email", "  ").param("reminders", "true").with(csrf()));

		assertThat(users.mailSettings(member)).isEqualTo(new MailSettings(null, true));
		assertThat(users.mailSettings(member).wantsReminders()).isFalse();
	}

	@Test
	void theProfilePageNeedsALogin() throws Exception {
		MockHttpServletResponse anonymous = mvc.perform(get("/account/profile").accept(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse();

		assertThat(anonymous.getStatus()).isEqualTo(302);
		assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
	}

}
