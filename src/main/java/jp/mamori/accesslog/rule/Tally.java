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
 */
final class Tally {

	private final Map<String, Entry> entries = new LinkedHashMap<>();

	/** Counts one occurrence; nothing for a null name or key. */
	void add(String written, String key) {
		if (written == null || key == null) {
			return;
		}
		Entry entry = entries.get(key);
		if (entry == null) {
			entries.put(key, new Entry(written, entries.size()));
		}
		else {
			entry.count++;
		}
	}

	int size() {
		return entries.size();
	}

	boolean contains(String key) {
		return key != null && entries.containsKey(key);
	}

	/** The names, most frequent first. */
	List<String> names() {
		List<Entry> sorted = new ArrayList<>(entries.values());
		sorted.sort(Comparator.comparingLong((Entry e) -> -e.count).thenComparingInt(e -> e.order));
		return sorted.stream().map(e -> e.written).toList();
	}

	private static final class Entry {

		private final String written;

		private final int order;

		private long count = 1;

		private Entry(String written, int order) {
			this.written = written;
			this.order = order;
		}

	}

}
