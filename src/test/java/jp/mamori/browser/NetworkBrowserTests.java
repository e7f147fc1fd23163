package jp.mamori.browser;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jp.mamori.identity.OrgRole;
import jp.mamori.support.Browser;
import jp.mamori.support.BrowserJourney;
import jp.mamori.support.Fixtures;
import jp.mamori.support.LedgerMother;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IT person checks the clinic's network in real Chromium: upload the RTX router's
 * configuration linked to its ledger row and see the exposed RDP forward with its line
 * and fix, mark it 対応中 with a comment, then upload an nmap scan and see the PC the ledger
 * lacks.
 */
class NetworkBrowserTests extends BrowserJourney {

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerMother mother;

	@Test
	void uploadsAConfigurationAndAScanAndTriagesAFinding() throws Exception {
		String admin = Fixtures.uniqueName("it-staff");
		var clinic = fixtures.clinicWith(admin, OrgRole.ADMIN);
		mother.row("devices", clinic.id(), Map.of("name", "本院ルータ", "kind", "ネットワーク機器", "ipAddresses", "192.168.10.1"));
		Path dir = Files.createTempDirectory("network-");
		Path config = copy("/network/rtx-clinic.txt", dir.resolve("rtx-clinic.txt"));
		Path scan = copy("/network/scan/clinic-scan.xml", dir.resolve("clinic-scan.xml"));
		login(admin, Fixtures.PASSWORD);

		String network = "/orgs/" + clinic.id() + "/network";
		driver.get(url(network));
		assertThat(driver.findElement(By.id("no-analyses")).isDisplayed()).isTrue();
		driver.findElement(By.id("config-file")).sendKeys(config.toString());
		new Select(driver.findElement(By.id("config-device"))).selectByIndex(1);
		driver.findElement(By.id("config-upload-submit")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("analysis-findings")));
		assertThat(driver.findElement(By.id("analysis-file")).getText()).isEqualTo("rtx-clinic.txt");
		assertThat(driver.findElement(By.id("analysis-format")).getText()).isEqualTo("rtx");
		WebElement forward = driver.findElements(By.cssSelector("article.finding[data-finding='port-forward-exposed']"))
			.stream()
			.filter(e -> e.getText().contains("3389"))
			.findFirst()
			.orElseThrow();
		assertThat(forward.findElement(By.cssSelector("pre.evidence")).getText()).contains("3389");
		assertThat(forward.getText()).contains("行目");
		Browser.screenshot(driver, "network-01-config");
		forward.findElement(By.cssSelector("h3 a")).click();

		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("triage-form")));
		new Select(driver.findElement(By.id("triage-state"))).selectByValue("in_progress");
		driver.findElement(By.id("triage-comment")).sendKeys("保守業者にポート転送の削除を依頼");
		driver.findElement(By.id("triage-submit")).click();
		assertThat(driver.findElement(By.id("finding-notice")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.id("finding-state")).getText()).isEqualTo("対応中");
		assertThat(driver.findElement(By.id("finding-comments")).getText()).contains("保守業者にポート転送の削除を依頼");
		Browser.screenshot(driver, "network-02-triage");

		driver.get(url(network));
		driver.findElement(By.id("scan-file")).sendKeys(scan.toString());
		driver.findElement(By.id("scan-upload-submit")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("analysis-findings")));
		assertThat(driver.findElement(By.id("analysis-format")).getText()).isEqualTo("nmap");
		assertThat(driver.findElements(By.cssSelector("article.finding[data-finding='unregistered-device']")))
			.anySatisfy(e -> assertThat(e.getText()).contains("192.168.10.50"));
		Browser.screenshot(driver, "network-03-scan");

		driver.get(url(network));
		assertThat(driver.findElements(By.cssSelector("tr.analysis"))).hasSize(2);
		assertThat(driver.findElement(By.id("finding-list")).getText()).contains("対応中");
	}

	private Path copy(String resource, Path target) throws Exception {
		try (InputStream in = getClass().getResourceAsStream(resource)) {
			Files.copy(in, target);
		}
		return target;
	}

}
