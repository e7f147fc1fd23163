package jp.mamori.browser;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.mamori.identity.OrgRole;
import jp.mamori.shared.ledger.LedgerColumn;
import jp.mamori.shared.ledger.LedgerFile;
import jp.mamori.shared.ledger.LedgerFileWriter;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Browser;
import jp.mamori.support.BrowserJourney;
import jp.mamori.support.Fixtures;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hospital IT person's ledger work in real Chromium: import a device list saved by
 * Excel on Windows (CSV in Shift_JIS) — the preview names the bad row, nothing is stored
 * — fix the row, import; import the account list as .xlsx; export both back and read
 * them.
 */
class LedgerImportBrowserTests extends BrowserJourney {

	static final String DEVICES = "機器名,種別,OS,IPアドレス,設置場所,導入日\r\n"
			+ "電子カルテサーバ1,サーバ,Windows Server 2019,192.168.10.11,サーバ室,2021/4/1\r\n"
			+ "受付PC-01,端末PC,Windows 11,192.168.20.21,受付,2024/13/1\r\n";

	@Autowired
	Fixtures fixtures;

	@Autowired
	Ledgers ledgers;

	void upload(String ledgerPath, Path file) {
		driver.get(url(ledgerPath));
		driver.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
		driver.findElement(By.id("import-preview")).click();
	}

	@Test
	void importsFixesAndExportsTheDeviceAndAccountLedgers() throws Exception {
		String admin = Fixtures.uniqueName("it-staff");
		var clinic = fixtures.clinicWith(admin, OrgRole.ADMIN);
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(admin);
		driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
		driver.findElement(By.id("login-submit")).click();
		wait.until(ExpectedConditions.urlContains("/dashboard"));
		String devices = "/orgs/" + clinic.id() + "/ledgers/devices";
		Path dir = Files.createTempDirectory("ledgers-");

		// a CP932 CSV with an impossible date on row 3: the preview says so and nothing
		// is stored
		Path bad = dir.resolve("機器台帳.csv");
		Files.write(bad, DEVICES.getBytes(LedgerFile.CP932));
		upload(devices, bad);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview-errors")));
		assertThat(driver.findElement(By.id("preview-encoding")).getText()).contains("CP932");
		assertThat(driver.findElement(By.cssSelector("tr.import-error")).getText()).contains("3")
			.contains("導入日")
			.contains("存在しない日付");
		Browser.screenshot(driver, "ledger-01-preview-error");
		driver.get(url(devices));
		assertThat(driver.findElement(By.id("ledger-count")).getText()).contains("0");

		// fixed, it imports
		Path good = dir.resolve("機器台帳-修正.csv");
		Files.write(good, DEVICES.replace("2024/13/1", "2024/12/1").getBytes(LedgerFile.CP932));
		upload(devices, good);
		wait.until(ExpectedConditions.elementToBeClickable(By.id("import-commit"))).click();
		// the import runs in the background and the progress page updates itself
		wait.until(ExpectedConditions.elementToBeClickable(By.id("import-back"))).click();
		assertThat(driver.findElement(By.id("ledger-rows")).getText()).contains("電子カルテサーバ1")
			.contains("受付PC-01")
			.contains("192.168.20.21");
		Browser.screenshot(driver, "ledger-02-devices");

		// the account list as Excel: the ledger's own template with one row filled in
		// from its examples
		var accounts = ledgers.require("accounts");
		Path xlsx = dir.resolve("アカウント一覧.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(LedgerFileWriter.template(accounts)));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var row = workbook.getSheetAt(0).createRow(2);
			for (int i = 0; i < accounts.columns().size(); i++) {
				row.createCell(i + 1).setCellValue(accounts.columns().get(i).example());
			}
			workbook.write(out);
			Files.write(xlsx, out.toByteArray());
		}
		upload("/orgs/" + clinic.id() + "/ledgers/accounts", xlsx);
		wait.until(ExpectedConditions.elementToBeClickable(By.id("import-commit"))).click();
		// the import runs in the background and the progress page updates itself
		wait.until(ExpectedConditions.elementToBeClickable(By.id("import-back"))).click();
		LedgerColumn label = accounts.labelColumn();
		assertThat(driver.findElement(By.id("ledger-rows")).getText()).contains(label.example());

		// both export back
		String csv = new String(download(devices + "/export?format=csv"), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFID,機器名,種別").contains("電子カルテサーバ1").contains("2024-12-01");
		String sjis = new String(download(devices + "/export?format=csv&encoding=cp932"), LedgerFile.CP932);
		assertThat(sjis).contains("受付PC-01");
		try (XSSFWorkbook exported = new XSSFWorkbook(
				new ByteArrayInputStream(download("/orgs/" + clinic.id() + "/ledgers/accounts/export?format=xlsx")))) {
			assertThat(exported.getSheetAt(0)
				.getRow(1)
				.getCell(1 + accounts.columns().indexOf(label))
				.getStringCellValue()).isEqualTo(label.example());
		}
	}

}
