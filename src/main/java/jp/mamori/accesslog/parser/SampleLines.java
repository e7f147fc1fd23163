package jp.mamori.accesslog.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The records at the start of a file, for {@link LogParser#detect}: every detector scores
 * the share of these lines it recognises, so detection depends on the whole head, not on
 * one odd first line.
 */
final class SampleLines {

	/** At most this many lines are looked at. */
	static final int LIMIT = 200;

	private SampleLines() {
	}

	/** The first non-blank lines of the sample, without {@code #} comment lines. */
	static List<String> records(LogSample sample) {
		List<String> records = new ArrayList<>();
		for (String line : sample.lines()) {
			if (!line.isBlank() && !line.startsWith("#")) {
				records.add(line.length() > LineReader.MAX_LINE ? line.substring(0, LineReader.MAX_LINE) : line);
				if (records.size() == LIMIT) {
					break;
				}
			}
		}
		return records;
	}

	/** The share (0–1) of the lines that match; 0 for none. */
	static double share(List<String> lines, Predicate<String> matches) {
		if (lines.isEmpty()) {
			return 0;
		}
		long count = lines.stream().filter(line -> {
			try {
				return matches.test(line);
			}
			catch (RuntimeException ex) {
				return false;
			}
		}).count();
		return (double) count / lines.size();
	}

	/**
	 * A score for a share of recognised lines: 0 below {@code minimum}, else from
	 * {@code low} to {@code high} as the share grows.
	 */
	static int score(double share, double minimum, int low, int high) {
		if (share < minimum || share == 0) {
			return 0;
		}
		return (int) Math.round(low + (high - low) * share);
	}

}
