package jp.mamori.browser;

import java.time.Duration;

import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.support.Browser;
import jp.mamori.support.BrowserJourney;
import jp.mamori.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people answer the same checklist item in two browsers: the later save is refused,
 * shows the newer answer and who saved it, and keeps what the later person typed.
 */
class ConcurrentAnswerBrowserTests extends BrowserJourney {

	@Autowired
	Fixtures fixtures;

	@Autowired
	UserAccounts users;

	@Test
	void theLaterOfTwoBrowsersSeesTheNewerAnswerInsteadOfOverwritingIt() {
		var clinic = fixtures.clinicWithR7Checklist("window-a", OrgRole.EDITOR);
		String other = Fixtures.uniqueName("window-b");
		users.create(clinic.org().id(), other, "山田 次郎", Fixtures.PASSWORD, OrgRole.EDITOR, "test");
		String page = "/orgs/" + clinic.org().id() + "/assessments/" + clinic.assessment();
		ChromeDriver second = Browser.start();
		try {
			WebDriverWait secondWait = new WebDriverWait(second, Duration.ofSeconds(15));
			secondWait.ignoring(StaleElementReferenceException.class);
			login(clinic.username(), Fixtures.PASSWORD);
			wait.until(ExpectedConditions.urlContains("/dashboard"));
			driver.get(url(page));
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("item-1-1")));
			second.get(url("/login"));
			secondWait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
			second.findElement(By.id("username")).sendKeys(other);
			second.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
			second.findElement(By.id("login-submit")).click();
			secondWait.until(ExpectedConditions.urlContains("/dashboard"));
			second.get(url(page));
			secondWait.until(ExpectedConditions.presenceOfElementLocated(By.id("item-1-1")));

			answer(driver, "yes", "2025-06-01", "一人目の確認");
			wait.until(d -> d.findElement(By.id("item-1-1")).getText().contains("保存しました"));
			answer(second, "yes", "2025-06-02", "二人目の確認");
			secondWait.until(d -> !d.findElements(By.cssSelector("#item-1-1 .conflict")).isEmpty());
			Browser.screenshot(second, "concurrent-answer-refused");

			String message = second.findElement(By.cssSelector("#item-1-1 .conflict")).getText();
			assertThat(message).contains("他の人が先に更新しました（" + clinic.username())
				.contains("回答「はい」")
				.contains("備考「一人目の確認」")
				.contains("まだ保存されていません");
			assertThat(second.findElement(By.cssSelector("#item-1-1 textarea[name=note]")).getAttribute("value"))
				.isEqualTo("二人目の確認");
			driver.navigate().refresh();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("item-1-1")));
			assertThat(driver.findElement(By.cssSelector("#item-1-1 textarea[name=note]")).getAttribute("value"))
				.isEqualTo("一人目の確認");
		}
		finally {
			second.quit();
		}
	}

	private static void answer(ChromeDriver browser, String value, String checkedOn, String note) {
		WebElement row = browser.findElement(By.id("item-1-1"));
		row.findElement(By.cssSelector("input[name=answer][value=" + value + "]")).click();
		// date inputs take their value in the ISO form whatever the browser locale shows
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
				row.findElement(By.name("checkedOn")), checkedOn);
		WebElement noteField = row.findElement(By.name("note"));
		noteField.clear();
		noteField.sendKeys(note);
		row.findElement(By.cssSelector("button.save")).click();
	}

}
