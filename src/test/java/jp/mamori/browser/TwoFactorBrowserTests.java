package jp.mamori.browser;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.support.Browser;
import jp.mamori.support.BrowserJourney;
import jp.mamori.support.FixedClockConfiguration;
import jp.mamori.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clinic user turns on two-factor authentication in real Chromium (checklist item R7
 * 2-⑩): log in → scan the QR code (here: read the secret and compute the code as an
 * authenticator app would, at the fixed test time) → keep the recovery codes → log out →
 * log in with password and code.
 */
// the organisation made here must not be in the database of the first-run journey
@DirtiesContext
class TwoFactorBrowserTests extends BrowserJourney {

	@Autowired
	Fixtures fixtures;

	/**
	 * What an authenticator app shows {@code steps} 30-second steps after the test time.
	 */
	static String appCode(String secret, int steps) throws Exception {
		return new DefaultCodeGenerator().generate(secret, FixedClockConfiguration.NOW.toEpochSecond() / 30 + steps);
	}

	@Test
	void clinicUserEnrolsAnAuthenticatorAndLogsInWithACode() throws Exception {
		String username = Fixtures.uniqueName("director");
		Organization clinic = fixtures.clinicWith(username, OrgRole.ADMIN);

		login(username, Fixtures.PASSWORD);
		wait.until(ExpectedConditions.urlContains("/dashboard"));

		// enrol: QR code made by Mamori, secret for typing in, code from the "app"
		driver.findElement(By.id("account-security-link")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("totp-start")));
		assertThat(driver.findElement(By.id("two-factor-state")).getText()).isEqualTo("未設定");
		Browser.screenshot(driver, "2fa-01-account-security");
		driver.findElement(By.id("totp-start")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("totp-qr")));
		assertThat(driver.findElement(By.id("totp-qr")).getAttribute("src")).startsWith("data:image/png;base64,");
		assertThat(driver.findElement(By.id("totp-qr")).getAttribute("naturalWidth")).isNotEqualTo("0");
		String secret = driver.findElement(By.id("totp-secret")).getText().strip();
		Browser.screenshot(driver, "2fa-02-enrol-qr");
		driver.findElement(By.id("totp-code")).sendKeys(appCode(secret, 0));
		driver.findElement(By.id("totp-confirm")).click();

		// the recovery codes, once
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recovery-codes")));
		assertThat(driver.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		assertThat(driver.findElement(By.id("two-factor-state")).getText()).isEqualTo("有効");
		Browser.screenshot(driver, "2fa-03-recovery-codes");

		driver.findElement(By.cssSelector("form.logout button")).click();
		wait.until(ExpectedConditions.urlContains("/login?logout"));

		// password, then the code
		login(username, Fixtures.PASSWORD);
		wait.until(ExpectedConditions.urlContains("/login/two-factor"));
		Browser.screenshot(driver, "2fa-04-code-page");
		driver.get(url("/"));
		wait.until(ExpectedConditions.urlContains("/login/two-factor"));

		driver.findElement(By.id("code")).sendKeys("000000");
		driver.findElement(By.id("two-factor-submit")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("two-factor-error")));
		assertThat(driver.findElement(By.id("two-factor-error")).getText()).contains("確認コードが正しくありません");
		Browser.screenshot(driver, "2fa-05-wrong-code");

		// the enrolment code was for this time step and works once only: the app's next
		// code
		driver.findElement(By.id("code")).sendKeys(appCode(secret, 1));
		driver.findElement(By.id("two-factor-submit")).click();
		wait.until(ExpectedConditions.urlContains("/dashboard"));
		assertThat(driver.findElement(By.id("next-action")).isDisplayed()).isTrue();
		Browser.screenshot(driver, "2fa-06-logged-in");

		// the administrator's view: who has two factors, and the "required for all"
		// switch
		driver.get(url("/orgs/" + clinic.id() + "/security"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("require-two-factor")));
		assertThat(driver.findElement(By.cssSelector("#member-" + username + " .two-factor-state")).getText())
			.isEqualTo("有効");
		Browser.screenshot(driver, "2fa-07-organization-security");
	}

}
