package jp.mamori.browser;

import jp.mamori.identity.OrgRole;
import jp.mamori.support.Browser;
import jp.mamori.support.BrowserJourney;
import jp.mamori.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 連絡体制図 in real Chromium: contacts entered through the ledger form become the chart,
 * which loads as an image under the Content-Security-Policy.
 */
class ContactChartBrowserTests extends BrowserJourney {

	@Autowired
	Fixtures fixtures;

	void addContact(String org, String name, String organization, String categoryLabel, String phone,
			String reportsTo) {
		driver.get(url("/orgs/" + org + "/ledgers/contacts/rows/new"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("save-row")));
		driver.findElement(By.id("f-name")).sendKeys(name);
		driver.findElement(By.id("f-organization")).sendKeys(organization);
		new Select(driver.findElement(By.id("f-category"))).selectByVisibleText(categoryLabel);
		driver.findElement(By.id("f-phone")).sendKeys(phone);
		if (reportsTo != null) {
			driver.findElement(By.id("f-reportsTo")).sendKeys(reportsTo);
		}
		driver.findElement(By.id("save-row")).click();
		wait.until(ExpectedConditions.urlToBe(url("/orgs/" + org + "/ledgers/contacts")));
	}

	@Test
	void contactsEnteredInTheLedgerBecomeTheContactChart() {
		String admin = Fixtures.uniqueName("chart-director");
		var clinic = fixtures.clinicWith(admin, OrgRole.ADMIN);
		String org = clinic.id().toString();
		driver.manage().window().setSize(new Dimension(1440, 1400));
		login(admin, Fixtures.PASSWORD);
		wait.until(ExpectedConditions.urlContains("/dashboard"));

		addContact(org, "院長 山田太郎", "やまだ内科クリニック", "院長・管理者", "03-1234-5678", null);
		addContact(org, "安全管理 花子", "やまだ内科クリニック", "医療情報システム安全管理責任者", "03-1234-5679", "院長 山田太郎");
		addContact(org, "医政局 医療情報技術推進室", "厚生労働省", "厚生労働省", "03-3595-2430", null);
		assertThat(driver.findElement(By.id("ledger-rows")).getText()).contains("院長 山田太郎", "安全管理 花子");

		// from the header, as a user finds it
		driver.findElement(By.cssSelector("nav.main-nav a[href$='/contact-chart']")).click();
		wait.until(ExpectedConditions.urlToBe(url("/orgs/" + org + "/contact-chart")));
		WebElement image = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("contact-chart")));
		wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d)
			.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
		Number naturalWidth = (Number) driver.executeScript("return arguments[0].naturalWidth", image);
		assertThat(naturalWidth.intValue()).isGreaterThan(600);
		assertThat(driver.findElement(By.id("contact-missing")).getText()).contains("警察");
		driver.manage().window().setSize(new Dimension(1440, 1200));
		driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", driver.findElement(By.cssSelector("h1")));
		driver.executeScript("window.scrollTo(0, 0)");
		Browser.screenshot(driver, "contact-chart");

		driver.get(url("/orgs/" + org + "/contact-chart.svg"));
		String svg = driver.getPageSource();
		assertThat(svg).contains("院長 山田太郎", "安全管理 花子", "医政局 医療情報技術推進室", "03-3595-2430", "インシデント発生時の連絡体制図");
		Browser.screenshot(driver, "contact-chart-svg");
	}

}
