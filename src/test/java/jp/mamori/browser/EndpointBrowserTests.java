package jp.mamori.browser;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jp.mamori.endpoint.facts.CollectorExamples;
import jp.mamori.endpoint.facts.CollectorScript;
import jp.mamori.identity.OrgRole;
import jp.mamori.support.Browser;
import jp.mamori.support.BrowserJourney;
import jp.mamori.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IT person brings the collector files of the clinic's PCs and servers on a USB stick
 * as one zip, in real Chromium: the per-file report shows the devices created and the
 * broken file, the list shows each machine with its findings count, and the reception
 * PC's page lists its software, services, accounts and findings. The script downloads
 * byte for byte.
 */
class EndpointBrowserTests extends BrowserJourney {

	@Autowired
	Fixtures fixtures;

	@Test
	void uploadsAZipOfCollectorFilesAndReadsAMachinesPage() throws Exception {
		String admin = Fixtures.uniqueName("it-staff");
		var clinic = fixtures.clinicWith(admin, OrgRole.ADMIN);
		Path zip = Files.createTempDirectory("endpoint-").resolve("collected.zip");
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
			for (String name : CollectorExamples.ALL) {
				z.putNextEntry(new ZipEntry("mamori/" + name));
				z.write(CollectorExamples.bytes(name));
				z.closeEntry();
			}
		}
		login(admin, Fixtures.PASSWORD);

		String endpoints = "/orgs/" + clinic.id() + "/endpoints";
		driver.get(url(endpoints));
		assertThat(driver.findElement(By.id("no-machines")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.id("collector-howto")).getText()).contains("-OutputDirectory");
		driver.findElement(By.id("endpoint-files")).sendKeys(zip.toString());
		driver.findElement(By.id("endpoint-upload-submit")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-list")));
		List<WebElement> created = driver.findElements(By.cssSelector("tr.report-row.status-created"));
		assertThat(created).hasSize(6);
		assertThat(driver.findElements(By.cssSelector("tr.report-row.status-error")))
			.anySatisfy(e -> assertThat(e.getText()).contains("JSON として読めません"))
			.anySatisfy(e -> assertThat(e.getText()).contains("スキーマのバージョン"));
		assertThat(driver.findElements(By.cssSelector("tr.machine"))).hasSize(6);
		Browser.screenshot(driver, "endpoint-01-report");

		driver.findElement(By.linkText("UKETSUKE-PC01")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("machine-name")));
		assertThat(driver.findElement(By.id("software-list")).getText()).contains("TeamViewer")
			.contains("電子カルテ端末クライアント");
		assertThat(driver.findElement(By.id("service-list")).getText()).contains("RemoteRegistry")
			.contains("電子カルテ同期サービス");
		assertThat(driver.findElement(By.id("account-list")).getText()).contains("受付");
		assertThat(driver.findElements(By.cssSelector("tr.finding"))).extracting(e -> e.getAttribute("data-finding"))
			.contains("av-disabled", "patch-stale", "os-end-of-life", "remote-tool-present", "shared-local-admin");
		Browser.screenshot(driver, "endpoint-02-machine");

		driver.findElement(By.id("device-link")).click();
		wait.until(ExpectedConditions.urlContains("/ledgers/devices/rows/"));
		assertThat(driver.getPageSource()).contains("UKETSUKE-PC01");

		assertThat(download(endpoints + "/script")).isEqualTo(CollectorScript.bytes());
	}

}
