package jp.mamori.identity;

import java.util.concurrent.atomic.AtomicInteger;

import jp.mamori.audit.AuditTrail;
import jp.mamori.organization.Organization;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Back-off after failed logins (per name and per address), in the audit trail, with
 * answers that never tell whether a name exists.
 */
@IntegrationTest
class LoginProtectionTests {

	/**
	 * Each test logs in from its own address, so address counters of other tests never
	 * interfere.
	 */
	static final AtomicInteger ADDRESSES = new AtomicInteger(10);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	AuditTrail audit;

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String address() {
		return "192.0.2." + ADDRESSES.incrementAndGet();
	}

	static MockHttpServletRequestBuilder login(String username, String password, String address) {
		return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
	}

	/**
	 * The login page as the browser sees it after a failed attempt (sessions are Spring
	 * Session's: by cookie).
	 */
	String loginPageAfter(MvcResult attempt) throws Exception {
		Cookie session = attempt.getResponse().getCookie("SESSION");
		assertThat(session).as("session cookie of the failed attempt").isNotNull();
		return mvc.perform(get("/login").param("error", "").cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void locksANameAfterFiveFailuresEvenForTheRightPassword() throws Exception {
		String name = Fixtures.uniqueName("locked");
		Organization org = fixtures.clinicWith(name, OrgRole.EDITOR);
		String address = address();
		for (int i = 0; i < 5; i++) {
			mvc.perform(login(name, "wrong-" + i, address))
				.andExpect(redirectedUrl("/login?error"))
				.andExpect(unauthenticated());
		}

		MvcResult attempt = mvc.perform(login(name, Fixtures.PASSWORD, address))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(unauthenticated())
			.andReturn();

		assertThat(audit.entries(org.id(), 20)).extracting(e -> e.action())
			.contains("identity.login.failed", "identity.account.locked", "identity.login.locked");
		assertThat(loginPageAfter(attempt)).contains("ログインの失敗が続いたため").doesNotContain("利用者IDまたはパスワードが違います");
	}

	@Test
	void answersAnUnknownNameExactlyLikeAKnownOne() throws Exception {
		String known = Fixtures.uniqueName("known");
		fixtures.clinicWith(known, OrgRole.EDITOR);
		String unknown = Fixtures.uniqueName("nobody");
		String address = address();

		MvcResult knownAttempt = mvc.perform(login(known, "wrong", address))
			.andExpect(redirectedUrl("/login?error"))
			.andReturn();
		MvcResult unknownAttempt = mvc.perform(login(unknown, "wrong", address))
			.andExpect(redirectedUrl("/login?error"))
			.andReturn();
		assertThat(loginPageAfter(unknownAttempt)).contains("利用者IDまたはパスワードが違います");
		assertThat(loginPageAfter(knownAttempt)).contains("利用者IDまたはパスワードが違います");

		for (int i = 0; i < 5; i++) {
			mvc.perform(login(unknown, "wrong", address));
		}
		MvcResult locked = mvc.perform(login(unknown, "wrong", address)).andReturn();
		assertThat(loginPageAfter(locked)).contains("ログインの失敗が続いたため");
	}

	@Test
	void aSuccessfulLoginClearsTheCount() throws Exception {
		String name = Fixtures.uniqueName("forgetful");
		fixtures.clinicWith(name, OrgRole.EDITOR);
		String address = address();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 4; i++) {
				mvc.perform(login(name, "wrong", address));
			}
			mvc.perform(login(name, Fixtures.PASSWORD, address)).andExpect(authenticated().withUsername(name));
		}
	}

	@Test
	void locksAnAddressThatSpraysPasswordsOverManyNames() throws Exception {
		String victim = Fixtures.uniqueName("victim");
		fixtures.clinicWith(victim, OrgRole.EDITOR);
		String address = address();
		for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
			mvc.perform(login(Fixtures.uniqueName("spray"), "Password1!", address));
		}

		mvc.perform(login(victim, Fixtures.PASSWORD, address)).andExpect(unauthenticated());
		mvc.perform(login(victim, Fixtures.PASSWORD, address())).andExpect(authenticated().withUsername(victim));
	}

}
