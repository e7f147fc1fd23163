package jp.mamori.network.config;

import java.util.List;

/**
 * Reads one vendor's configuration into the rule model. Implementations never throw for a
 * bad line: they skip it, count it and say so in a note.
 */
interface ConfigParser {

	Vendor vendor();

	/**
	 * How strongly the text looks like this vendor's configuration (0 = not at all); the
	 * highest score wins auto-detection.
	 */
	int score(List<String> lines);

	DeviceConfig parse(String file, String text);

	/** Counts the lines, among the first 2000, that start with one of the markers. */
	static int count(List<String> lines, String... markers) {
		int hits = 0;
		for (String line : lines.subList(0, Math.min(lines.size(), 2000))) {
			String trimmed = line.trim();
			for (String marker : markers) {
				if (trimmed.startsWith(marker)) {
					hits++;
					break;
				}
			}
		}
		return hits;
	}

}
