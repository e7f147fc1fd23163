package jp.mamori.accesslog.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names counted by key, listed most frequent first (ties: first seen first), each shown
 * as first written: {@code OFFSEC&#92;admmig} and {@code admmig@offsec.lan} are one
 * entry.
 *
 * <p>
 * The first name is held inline and a map is made only for a second: most findings name
 * one account, one source and one host, and an analysis keeps hundreds of thousands of
 * drafts, so a map per name would be most of its memory.
 */
final class Tally {

	private String firstWritten;

	private String firstKey;

	private long firstCount;

	private Map<String, Entry> others;

	/** Counts one occurrence; nothing for a null name or key. */
	void add(String written, String key) {
		if (written == null || key == null) {
			return;
		}
		if (firstKey == null) {
			firstWritten = written;
			firstKey = key;
			firstCount = 1;
			return;
		}
		if (firstKey.equals(key)) {
			firstCount++;
			return;
		}
		if (others == null) {
			others = new LinkedHashMap<>(4);
		}
		Entry entry = others.get(key);
		if (entry == null) {
			others.put(key, new Entry(written, others.size() + 1, 1));
		}
		else {
			entry.count++;
		}
	}

	int size() {
		return (firstKey == null ? 0 : 1) + (others == null ? 0 : others.size());
	}

	/** The names, most frequent first. */
	List<String> names() {
		if (firstKey == null) {
			return List.of();
		}
		if (others == null) {
			return List.of(firstWritten);
		}
		List<Entry> sorted = new ArrayList<>(others.size() + 1);
		sorted.add(new Entry(firstWritten, 0, firstCount));
		sorted.addAll(others.values());
		sorted.sort(Comparator.comparingLong((Entry e) -> -e.count).thenComparingInt(e -> e.order));
		return sorted.stream().map(e -> e.written).toList();
	}

	private static final class Entry {

		private final String written;

		private final int order;

		private long count;

		private Entry(String written, int order, long count) {
			this.written = written;
			this.order = order;
			this.count = count;
		}

	}

}
