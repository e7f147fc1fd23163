package jp.mamori.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A journey in real Chromium against the application on a random port (fixed clock,
 * in-memory database): starts and stops the browser and offers the steps every journey
 * takes — open a page, log in, log out, download with the logged-in session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FixedClockConfiguration.class)
public abstract class BrowserJourney {

	@LocalServerPort
	protected int port;

	protected ChromeDriver driver;

	protected WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
		driver = Browser.start();
		wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		// htmx swaps elements while we read them
		wait.ignoring(StaleElementReferenceException.class);
	}

	@AfterEach
	void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	protected void login(String username, String password) {
		driver.get(url("/login"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-submit")));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("login-submit")).click();
	}

	protected void logout() {
		driver.findElement(By.cssSelector("form.logout button")).click();
		wait.until(ExpectedConditions.urlContains("/login"));
	}

	/**
	 * Downloads a page or file with the browser's session, as a click on a download link
	 * would.
	 */
	protected byte[] download(String pathOrUrl) throws Exception {
		String session = driver.manage().getCookieNamed("SESSION").getValue();
		URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : url(pathOrUrl));
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri).header("Cookie", "SESSION=" + session).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new AssertionError("download of " + uri + " answered " + response.statusCode());
		}
		return response.body();
	}

}
