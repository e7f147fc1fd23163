package jp.mamori.endpoint.facts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The maintained list of remote-access tools ({@code endpoint/remote-tools.tsv}): a text
 * to find in a software or service name or path, and the tool's name.
 */
public final class RemoteTools {

	private record Entry(String needle, String tool) {
	}

	private final List<Entry> entries;

	private RemoteTools(List<Entry> entries) {
		this.entries = entries;
	}

	public static RemoteTools builtIn() {
		return new RemoteTools(TsvResource.classpath("/endpoint/remote-tools.tsv")
			.stream()
			.map(c -> new Entry(c[0].toLowerCase(Locale.ROOT), c[1]))
			.toList());
	}

	/** The tool a text names (software name, service name or path), if any. */
	public Optional<String> match(String... texts) {
		for (String text : texts) {
			if (text == null) {
				continue;
			}
			String lower = text.toLowerCase(Locale.ROOT);
			for (Entry e : entries) {
				if (lower.contains(e.needle())) {
					return Optional.of(e.tool());
				}
			}
		}
		return Optional.empty();
	}

}
