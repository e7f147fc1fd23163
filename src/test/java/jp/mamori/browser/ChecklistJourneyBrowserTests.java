package jp.mamori.browser;

import java.io.ByteArrayInputStream;
import java.net.URI;

import jp.mamori.support.Browser;
import jp.mamori.support.BrowserJourney;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clinic director's journey in real Chromium: first-run set-up → login → create the
 * R7 医療機関確認用 checklist → answer (one いいえ with 目標日, after seeing the error without it) →
 * submit round 1 → start round 2 → download the Excel form and read the answers back.
 */
// the journey starts on an empty instance (first-run set-up): a database of its own
@TestPropertySource(
		properties = "spring.datasource.url=jdbc:h2:mem:first-run-${random.uuid};MODE=PostgreSQL;DB_CLOSE_DELAY=-1")
class ChecklistJourneyBrowserTests extends BrowserJourney {

	static final String PASSWORD = "Kenkou-2025!mamori";

	@Test
	void clinicDirectorAnswersSubmitsAndDownloadsTheOfficialForm() throws Exception {
		// first start: every page leads to set-up
		driver.get(url("/"));
		wait.until(ExpectedConditions.urlContains("/setup"));
		Browser.screenshot(driver, "01-setup");
		driver.findElement(By.id("orgName")).sendKeys("守り内科クリニック");
		driver.findElement(By.id("displayName")).sendKeys("守田 花子");
		driver.findElement(By.id("username")).sendKeys("director");
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		driver.findElement(By.id("passwordConfirm")).sendKeys(PASSWORD);
		driver.findElement(By.id("setup-submit")).click();

		// login
		wait.until(ExpectedConditions.urlContains("/login"));
		Browser.screenshot(driver, "02-login");
		driver.findElement(By.id("username")).sendKeys("director");
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		driver.findElement(By.id("login-submit")).click();

		// the dashboard says what to do next
		wait.until(ExpectedConditions.urlContains("/dashboard"));
		assertThat(driver.findElement(By.id("next-action")).getText()).contains("チェックリストを作成しましょう");

		// create the R7 institution checklist for 令和7年度
		driver.findElement(By.linkText("チェックリスト")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("create-assessment")));
		WebElement year = driver.findElement(By.id("fiscalYear"));
		year.clear();
		year.sendKeys("2025");
		new Select(driver.findElement(By.id("version"))).selectByValue("R7");
		new Select(driver.findElement(By.id("formCode"))).selectByValue("institution");
		driver.findElement(By.id("create-submit")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rounds")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("令和7年度版").contains("医療機関確認用");
		assertThat(driver.findElements(By.cssSelector("article.item"))).hasSize(19);

		// the gate question first (saving it reloads the page)
		answer("0-1", "yes", "2025-06-01", null);
		wait.until(ExpectedConditions.stalenessOf(driver.findElement(By.id("rounds"))));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rounds")));

		// いいえ without 目標日 is refused with a Japanese message naming the field
		answer("2-6", "no", "2025-06-01", null);
		wait.until(d -> item("2-6").getText().contains("「いいえ」の場合は目標日を入力してください"));
		Browser.screenshot(driver, "03-target-date-error");

		answer("2-6", "no", "2025-06-01", "2026-01-31");
		wait.until(d -> item("2-6").getText().contains("保存しました"));
		assertThat(item("2-6").findElement(By.cssSelector(".status")).getText()).isEqualTo("いいえ");

		answer("1-1", "yes", "2025-06-02", null);
		wait.until(d -> item("1-1").getText().contains("保存しました"));
		Browser.screenshot(driver, "04-checklist");

		// submit round 1: confirm, then the round is locked
		driver.findElement(By.id("submit-round")).click();
		wait.until(ExpectedConditions.alertIsPresent()).accept();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("round-locked")));
		assertThat(driver.findElement(By.id("notice")).getText()).contains("提出しました");
		assertThat(driver.findElements(By.cssSelector("#item-2-6 form"))).isEmpty();

		// round 2 starts from round 1, every answered item to be checked again
		driver.findElement(By.id("start-next-round")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("round-progress")));
		assertThat(driver.findElement(By.cssSelector(".rounds a.active")).getText()).contains("2回目");
		assertThat(item("2-6").getText()).contains("要再確認").contains("前回の回答: いいえ");
		Browser.screenshot(driver, "05-round-2");

		// the official Excel form, downloaded with the logged-in session, read back with
		// POI
		String href = driver.findElement(By.id("export-xlsx")).getAttribute("href").replace("round=2", "round=1");
		byte[] xlsx = download(href);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheet("医療機関確認用");
			assertThat(sheet).isNotNull();
			Row patch = rowStartingWith(sheet, "2-⑥");
			DataFormatter cells = new DataFormatter();
			StringBuilder printed = new StringBuilder();
			patch.forEach(cell -> printed.append(cells.formatCellValue(cell)).append('|'));
			assertThat(printed.toString()).contains("いいえ").contains("令和7年6月1日").contains("令和8年1月31日");
			assertThat(cells.formatCellValue(rowStartingWith(sheet, "1-①").getCell(3))).isEqualTo("はい");
		}

		// dashboard with its chart
		driver.findElement(By.linkText("状況")).click();
		wait.until(d -> ((JavascriptExecutor) d).executeScript("return window.mamoriChart !== undefined"));
		Browser.screenshot(driver, "06-dashboard");
		assertThat(driver.findElement(By.id("section-counts")).getText()).contains("2 医療情報システムの管理・運用");

		// the item page with guidance
		driver.get(url(new URI(href).getPath().replace("/export", "/items/2-6")));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("guidance")));
		Browser.screenshot(driver, "07-item");
	}

	WebElement item(String id) {
		return driver.findElement(By.id("item-" + id));
	}

	void answer(String itemId, String value, String checkedOn, String targetDate) {
		WebElement row = item(itemId);
		row.findElement(By.cssSelector("input[name=answer][value=" + value + "]")).click();
		setValue(row.findElement(By.name("checkedOn")), checkedOn);
		// the gate row has no 目標日: its いいえ is not a deficiency
		row.findElements(By.name("targetDate")).forEach(input -> setValue(input, targetDate == null ? "" : targetDate));
		row.findElement(By.cssSelector("button.save")).click();
	}

	void setValue(WebElement input, String value) {
		// date inputs take their value in the ISO form whatever the browser locale
		// displays
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", input, value);
	}

	static Row rowStartingWith(Sheet sheet, String label) {
		DataFormatter cells = new DataFormatter();
		for (Row row : sheet) {
			if (row.getCell(0) != null && cells.formatCellValue(row.getCell(0)).equals(label)) {
				return row;
			}
		}
		throw new AssertionError("no row " + label);
	}

}
