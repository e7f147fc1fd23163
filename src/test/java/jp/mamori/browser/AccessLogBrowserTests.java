package jp.mamori.browser;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jp.mamori.accesslog.AccessLogLedgers;
import jp.mamori.identity.OrgRole;
import jp.mamori.support.Browser;
import jp.mamori.support.BrowserJourney;
import jp.mamori.support.Fixtures;
import jp.mamori.support.LedgerMother;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IT person's monthly log work in real Chromium: upload the EHR server's sshd log and
 * a file that is no log at once, watch the import, see the brute-force finding, open its
 * events, mark it 対応中 with a comment, record the month's review, and save the findings as
 * Excel.
 */
class AccessLogBrowserTests extends BrowserJourney {

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerMother mother;

	@Test
	void uploadsTriagesReviewsAndExports() throws Exception {
		String admin = Fixtures.uniqueName("it-staff");
		var clinic = fixtures.clinicWith(admin, OrgRole.ADMIN);
		mother.row(AccessLogLedgers.LOG_SOURCES, clinic.id(), Map.of("source", "電子カルテサーバ1", "logKind", "secure"));
		login(admin, Fixtures.PASSWORD);
		Path dir = Files.createTempDirectory("logs-");
		Path secure = dir.resolve("secure");
		try (InputStream in = getClass().getResourceAsStream("/accesslog/import/clinic-secure.log")) {
			Files.copy(in, secure);
		}
		Path notALog = dir.resolve("写真.bin");
		Files.write(notALog, new byte[] { 0, 1, 2, 3, (byte) 0xff, 0, 7, 9 });

		String logs = "/orgs/" + clinic.id() + "/logs";
		driver.get(url(logs));
		assertThat(driver.findElement(By.id("timeline-empty")).isDisplayed()).isTrue();
		driver.findElement(By.id("log-files")).sendKeys(secure + "\n" + notALog);
		new Select(driver.findElement(By.id("log-source"))).selectByIndex(1);
		driver.findElement(By.id("log-upload-submit")).click();

		// the job page polls itself until both files are read and the analysis is done
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("log-import-done")));
		String files = driver.findElement(By.id("log-import-files")).getText();
		assertThat(files).contains("secure").contains("Linux").contains("10");
		assertThat(driver.findElement(By.cssSelector("tr.failed")).getText()).contains("写真.bin").contains("形式を判別できません");
		Browser.screenshot(driver, "logs-01-imported");
		driver.findElement(By.id("log-import-back")).click();

		assertThat(driver.findElement(By.cssSelector("svg.timeline")).isDisplayed()).isTrue();
		WebElement bruteForce = driver.findElement(By.cssSelector("tr.finding[data-rule='brute-force']"));
		assertThat(bruteForce.getText()).contains("root").contains("203.0.113.50").contains("8");
		Browser.screenshot(driver, "logs-02-findings");
		bruteForce.findElement(By.tagName("a")).click();

		assertThat(driver.findElement(By.id("finding-summary")).getText()).contains("root");
		assertThat(driver.findElements(By.cssSelector("tr.evidence-event"))).hasSize(8);
		new Select(driver.findElement(By.id("triage-state"))).selectByValue("in_progress");
		driver.findElement(By.id("triage-comment")).sendKeys("ルータで送信元を遮断しました");
		driver.findElement(By.id("triage-submit")).click();
		assertThat(driver.findElement(By.id("finding-notice")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.id("finding-state")).getText()).isEqualTo("対応中");
		assertThat(driver.findElement(By.id("finding-comments")).getText()).contains("ルータで送信元を遮断しました");
		Browser.screenshot(driver, "logs-03-finding");

		driver.get(url(logs + "#reviews"));
		driver.findElement(By.id("review-comment")).sendKeys("5月分を確認。総当たりは遮断済み");
		driver.findElement(By.id("review-submit")).click();
		assertThat(driver.findElement(By.id("review-notice")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.id("review-list")).getText()).contains("電子カルテサーバ1")
			.contains("2025-05")
			.contains(admin);
		driver.get(url("/orgs/" + clinic.id() + "/ledgers/log-sources"));
		assertThat(driver.findElement(By.id("ledger-rows")).getText()).contains("2025");

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download(logs + "/findings.xlsx")))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("ルール");
			boolean listed = false;
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				listed |= sheet.getRow(r).getCell(1).getStringCellValue().equals("brute-force")
						&& sheet.getRow(r).getCell(9).getStringCellValue().equals("対応中");
			}
			assertThat(listed).isTrue();
		}
	}

}
