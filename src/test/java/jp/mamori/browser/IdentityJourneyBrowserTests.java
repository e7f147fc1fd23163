package jp.mamori.browser;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import jp.mamori.identity.OrgRole;
import jp.mamori.support.Browser;
import jp.mamori.support.BrowserJourney;
import jp.mamori.support.FixedClockConfiguration;
import jp.mamori.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mamori passes R7 itself, in real Chromium: an administrator invites by one-time link →
 * the invitee accepts, has a weak password refused with the reason, sets a strong one →
 * enrols TOTP (code computed as an authenticator app would) → logs out → logs in with
 * password and code. And a locked account and its message.
 */
class IdentityJourneyBrowserTests extends BrowserJourney {

	static final String STRONG = "Kansen-Taisaku-2025!";

	@Autowired
	Fixtures fixtures;

	/**
	 * What an authenticator app shows {@code steps} 30-second steps after the test time.
	 */
	static String appCode(String secret, int steps) throws Exception {
		return new DefaultCodeGenerator().generate(secret, FixedClockConfiguration.NOW.toEpochSecond() / 30 + steps);
	}

	@Test
	void invitedNurseJoinsWithAStrongPasswordAndTwoFactor() throws Exception {
		String admin = Fixtures.uniqueName("director");
		var clinic = fixtures.clinicWith(admin, OrgRole.ADMIN);

		// the administrator makes a one-time invitation link on the members page
		login(admin, Fixtures.PASSWORD);
		wait.until(ExpectedConditions.urlContains("/dashboard"));
		driver.get(url("/orgs/" + clinic.id() + "/members"));
		new Select(driver.findElement(By.id("invite-role"))).selectByValue("editor");
		driver.findElement(By.id("invite-submit")).click();
		String link = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invitation-link")))
			.getAttribute("value");
		assertThat(link).startsWith(url("/invitations/"));
		Browser.screenshot(driver, "id-01-invitation-link");
		logout();

		// the invitee opens it; a weak password is refused with the reason
		driver.get(link);
		assertThat(driver.findElement(By.id("invitation-lead")).getText()).contains(clinic.name()).contains("担当者");
		driver.findElement(By.id("displayName")).sendKeys("看護 次郎");
		driver.findElement(By.id("username")).sendKeys("nurse-jiro");
		driver.findElement(By.id("password")).sendKeys("password1");
		driver.findElement(By.id("passwordConfirm")).sendKeys("password1");
		driver.findElement(By.id("accept-submit")).click();
		String errors = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invitation-errors"))).getText();
		assertThat(errors).contains("8文字以上").contains("推測されやすい");
		Browser.screenshot(driver, "id-02-weak-password");

		driver.findElement(By.id("password")).sendKeys(STRONG);
		driver.findElement(By.id("passwordConfirm")).sendKeys(STRONG);
		driver.findElement(By.id("accept-submit")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-joined")));

		// the link works once
		driver.get(link);
		assertThat(driver.findElement(By.id("invitation-invalid")).getText()).contains("既に使われています");

		// log in and enrol TOTP
		login("nurse-jiro", STRONG);
		wait.until(ExpectedConditions.urlContains("/dashboard"));
		driver.get(url("/account/security"));
		wait.until(ExpectedConditions.elementToBeClickable(By.id("totp-start"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("totp-qr")));
		String secret = driver.findElement(By.id("totp-secret")).getText().strip();
		driver.findElement(By.id("totp-code")).sendKeys(appCode(secret, 0));
		driver.findElement(By.id("totp-confirm")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
		Browser.screenshot(driver, "id-03-recovery-codes");
		logout();

		// password alone is not enough any more
		login("nurse-jiro", STRONG);
		wait.until(ExpectedConditions.urlContains("/login/two-factor"));
		driver.get(url("/orgs/" + clinic.id() + "/dashboard"));
		wait.until(ExpectedConditions.urlContains("/login/two-factor"));
		driver.findElement(By.id("code")).sendKeys(appCode(secret, 1));
		driver.findElement(By.id("two-factor-submit")).click();
		wait.until(ExpectedConditions.urlContains("/dashboard"));
		assertThat(driver.findElement(By.id("next-action")).getText()).contains("次にすること");
		Browser.screenshot(driver, "id-04-logged-in-with-code");
		logout();
	}

	@Test
	void aLockedAccountIsToldToWait() {
		String name = Fixtures.uniqueName("tired");
		fixtures.clinicWith(name, OrgRole.EDITOR);
		for (int i = 0; i < 5; i++) {
			login(name, "wrong-password-" + i);
			assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-error"))).getText())
				.contains("利用者IDまたはパスワードが違います");
		}

		login(name, Fixtures.PASSWORD);

		assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-locked"))).getText())
			.contains("しばらくログインできません");
		Browser.screenshot(driver, "id-05-locked");
	}

}
