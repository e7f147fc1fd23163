package jp.mamori.browser;

import java.util.List;
import java.util.Map;

import jp.mamori.catalog.Catalog;
import jp.mamori.catalog.CatalogItem;
import jp.mamori.catalog.FormCode;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Browser;
import jp.mamori.support.BrowserJourney;
import jp.mamori.support.Fixtures;
import jp.mamori.vendorportal.VendorLinks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 事業者確認用 round trip in real Chromium: the clinic requests it from a vendor
 * organisation → the vendor's user (a separate login) sees only that clinic, answers and
 * submits → the clinic accepts → the answers are in the clinic's own 事業者確認用.
 */
class VendorPortalBrowserTests extends BrowserJourney {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organizations organizations;

	@Autowired
	UserAccounts users;

	@Autowired
	Catalog catalog;

	@Autowired
	VendorLinks links;

	@Autowired
	LedgerRecords records;

	@Autowired
	Ledgers ledgers;

	@Test
	void clinicRequestsVendorAnswersClinicAccepts() {
		String director = Fixtures.uniqueName("vp-director");
		var clinic = fixtures.clinicWith(director, OrgRole.ADMIN);
		String otherDirector = Fixtures.uniqueName("vp-other");
		var otherClinic = fixtures.clinicWith(otherDirector, OrgRole.ADMIN);
		String vendorUser = Fixtures.uniqueName("vp-vendor");
		var vendor = organizations.create("株式会社テスト医療システム " + vendorUser, OrgKind.VENDOR, "test");
		users.create(vendor.id(), vendorUser, "保守 一郎", Fixtures.PASSWORD, OrgRole.EDITOR, "test");
		// the clinic's device ledger names the system, and its administrator links the
		// vendor for it: requests go only to linked vendors
		records.create(ledgers.require(InventoryLedgers.DEVICES), clinic.id(),
				Map.of("name", "電子カルテサーバ", "kind", "server", "system", "電子カルテ（保守契約 第12号）"), director);
		links.link(clinic.id(), vendor.id().toString(), List.of("電子カルテ（保守契約 第12号）"), "第12号", null, director);
		List<CatalogItem> items = catalog.requireForm("R7", FormCode.VENDOR).items();
		String noItem = items.get(1).id();

		// the clinic sends the request
		login(director, Fixtures.PASSWORD);
		wait.until(ExpectedConditions.urlContains("/dashboard"));
		// from the header, as a user finds it
		driver.findElement(By.cssSelector("nav.main-nav a[href$='/vendor-requests']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-request")));
		new Select(driver.findElement(By.id("request-vendor"))).selectByVisibleText(vendor.name());
		driver.findElement(By.id("request-systems")).sendKeys("電子カルテ（保守契約 第12号）");
		driver.findElement(By.id("send-request")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vendor-requests")));
		assertThat(driver.findElement(By.id("vendor-requests")).getText()).contains(vendor.name(), "電子カルテ", "依頼済み");
		Browser.screenshot(driver, "vendor-request-sent");
		logout();

		// another clinic also asks the same vendor: the first clinic's request stays
		// apart
		login(otherDirector, Fixtures.PASSWORD);
		wait.until(ExpectedConditions.urlContains("/dashboard"));
		driver.get(url("/orgs/" + otherClinic.id() + "/vendor-requests"));
		// it has no contract link yet: no vendor is offered, the page says to link first
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-vendors")));
		assertThat(driver.findElements(By.id("new-request"))).isEmpty();
		assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("電子カルテ（保守契約 第12号）");
		logout();

		// the vendor's user sees that clinic only, and answers
		login(vendorUser, Fixtures.PASSWORD);
		wait.until(ExpectedConditions.urlContains("/dashboard"));
		assertThat(driver.findElements(By.cssSelector("nav.main-nav a[href$='/vendor-requests']"))).isEmpty();
		driver.findElement(By.cssSelector("nav.main-nav a[href$='/requests']")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("requests")));
		WebElement list = driver.findElement(By.id("requests"));
		assertThat(list.findElements(By.cssSelector("tbody tr"))).hasSize(1);
		assertThat(list.getText()).contains(clinic.name(), "電子カルテ（保守契約 第12号）").doesNotContain(otherClinic.name());
		list.findElement(By.cssSelector("tbody tr a")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vendor-answer-form")));
		assertThat(driver.findElement(By.id("answer-client")).getText()).isEqualTo(clinic.name());
		for (CatalogItem item : items) {
			driver.findElement(By.id((item.id().equals(noItem) ? "no-" : "yes-") + item.id())).click();
		}
		// a date input's typed format follows the browser's locale: set the value
		// directly
		driver.executeScript("arguments[0].value = '2026-03-31'", driver.findElement(By.id("targetDate-" + noItem)));
		driver.findElement(By.id("note-" + noItem)).sendKeys("2026年3月の定期保守で対応予定");
		Browser.screenshot(driver, "vendor-answer");
		driver.findElement(By.id("submit-answer")).click();
		wait.until(ExpectedConditions.textToBe(By.id("answer-status"), "回答済み"));
		assertThat(driver.findElements(By.id("submit-answer"))).isEmpty();
		// the client's own pages stay closed to the vendor's user
		driver.get(url("/orgs/" + clinic.id() + "/assessments"));
		assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain(clinic.name());
		driver.get(url("/orgs/" + vendor.id() + "/requests"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("requests")));
		logout();

		// the clinic reviews and accepts
		login(director, Fixtures.PASSWORD);
		wait.until(ExpectedConditions.urlContains("/dashboard"));
		driver.get(url("/orgs/" + clinic.id() + "/vendor-requests"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vendor-requests")));
		assertThat(driver.findElement(By.id("vendor-requests")).getText()).contains("回答済み");
		driver.findElement(By.cssSelector("#vendor-requests tbody tr a")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("vendor-answers")));
		assertThat(driver.findElement(By.id("answer-" + noItem)).getText()).contains("いいえ", "2026年3月の定期保守で対応予定");
		Browser.screenshot(driver, "vendor-answer-review");
		driver.findElement(By.id("accept-answer")).click();
		wait.until(ExpectedConditions.textToBe(By.id("review-status"), "確認済み"));

		// the answers are in the clinic's 事業者確認用
		driver.findElement(By.id("accepted-assessment")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("item-" + noItem)));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("事業者確認用");
		WebElement row = driver.findElement(By.id("item-" + noItem));
		assertThat(row.findElement(By.cssSelector("input[name=answer][value=no]")).isSelected()).isTrue();
		assertThat(row.findElement(By.cssSelector("textarea[name=note]")).getDomProperty("value"))
			.isEqualTo("2026年3月の定期保守で対応予定");
		WebElement yesRow = driver.findElement(By.id("item-" + items.get(0).id()));
		assertThat(yesRow.findElement(By.cssSelector("input[name=answer][value=yes]")).isSelected()).isTrue();
		Browser.screenshot(driver, "vendor-answer-in-checklist");
	}

}
