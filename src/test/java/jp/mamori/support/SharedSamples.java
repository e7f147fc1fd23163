package jp.mamori.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The real public samples in {@code ../shared/samples} (written by others, never copied
 * into this project). CI has them; a fresh user machine may not: tests that need one are
 * then skipped, visibly, with the path they looked for. Override the folder with the
 * system property or environment variable {@code MAMORI_SAMPLES}.
 */
public final class SharedSamples {

	private SharedSamples() {
	}

	/** The samples folder (which may not exist). */
	public static Path root() {
		String configured = System.getProperty("MAMORI_SAMPLES", System.getenv("MAMORI_SAMPLES"));
		return configured != null ? Path.of(configured)
				: Path.of("..", "shared", "samples").toAbsolutePath().normalize();
	}

	/**
	 * A sample file, e.g.
	 * {@code sample("windows-evtx/eas_1102-security-log-cleared.evtx")}; skips the
	 * calling test when it is absent.
	 */
	public static Path sample(String relative) {
		Path path = root().resolve(relative);
		Assumptions.assumeTrue(Files.isRegularFile(path),
				() -> "共有サンプルがないためスキップ / shared sample absent, test skipped: " + path);
		return path;
	}

}
