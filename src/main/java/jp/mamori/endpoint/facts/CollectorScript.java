package jp.mamori.endpoint.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The collector script shipped in the jar ({@code endpoint/Collect-MamoriFacts.ps1}),
 * byte for byte: printed by {@code mamori collector script} and served by the web page,
 * so that a signed copy keeps its signature.
 */
public final class CollectorScript {

	public static final String FILE_NAME = "Collect-MamoriFacts.ps1";

	private CollectorScript() {
	}

	public static byte[] bytes() {
		try (InputStream in = CollectorScript.class.getResourceAsStream("/endpoint/" + FILE_NAME)) {
			if (in == null) {
				throw new IllegalStateException("collector script missing from the jar");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
