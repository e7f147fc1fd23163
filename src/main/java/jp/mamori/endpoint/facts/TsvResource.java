package jp.mamori.endpoint.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the module's small tab-separated lists ({@code #} starts a comment line). */
final class TsvResource {

	private TsvResource() {
	}

	static List<String[]> classpath(String name) {
		try (InputStream in = TsvResource.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("resource missing: " + name);
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String[]> parse(String text) {
		List<String[]> rows = new ArrayList<>();
		for (String line : text.split("\\R")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] cells = line.split("\t");
			for (int i = 0; i < cells.length; i++) {
				cells[i] = cells[i].strip();
			}
			rows.add(cells);
		}
		return rows;
	}

}
