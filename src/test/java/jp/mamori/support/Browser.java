package jp.mamori.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real Chromium for browser tests (Debian's chromium + chromium-driver). Without them the
 * tests are skipped with a loud message — except in CI ({@code CI=true}), where a missing
 * browser fails the build.
 */
public final class Browser {

	static final File CHROMIUM = new File("/usr/bin/chromium");

	static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private Browser() {
	}

	public static ChromeDriver start() {
		if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
			String message = "BROWSER TESTS SKIPPED: /usr/bin/chromium or /usr/bin/chromedriver is missing "
					+ "(apt-get install chromium chromium-driver fonts-noto-cjk)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message + " — required in CI");
			}
			System.err.println("\n*** " + message + " ***\n");
			Assumptions.abort(message);
		}
		try {
			Path profile = Files.createTempDirectory("chrome-profile-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=ja-JP"));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().implicitlyWait(Duration.ZERO);
			return driver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Saves a screenshot under {@code target/screenshots/}. */
	public static Path screenshot(ChromeDriver driver, String name) {
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			Path target = dir.resolve(name + ".png");
			Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
