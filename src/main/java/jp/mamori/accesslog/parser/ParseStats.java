package jp.mamori.accesslog.parser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What reading one file gave: events handed on, records skipped (corrupt, truncated,
 * malformed), the time range, the hosts seen, and notes for the user in Japanese (for
 * example 「Apacheのエラーログとして読み込みました」). Not thread-safe: one per parse.
 */
public final class ParseStats {

	private static final int MAX_NOTES = 20;

	private final LogFormat format;

	private long events;

	private long skipped;

	private Instant first;

	private Instant last;

	private final Set<String> hosts = new TreeSet<>();

	private final List<String> notes = new ArrayList<>();

	public ParseStats(LogFormat format) {
		this.format = format;
	}

	/** Counts an event handed to the sink. */
	public void event(LogEvent event) {
		events++;
		if (first == null || event.time().isBefore(first)) {
			first = event.time();
		}
		if (last == null || event.time().isAfter(last)) {
			last = event.time();
		}
		if (event.host() != null && hosts.size() < 1000) {
			hosts.add(event.host());
		}
	}

	/** Counts a record that could not be read. */
	public void skip() {
		skipped++;
	}

	/** Adds a note for the user (Japanese); only the first few are kept. */
	public void note(String note) {
		if (notes.size() < MAX_NOTES && !notes.contains(note)) {
			notes.add(note);
		}
	}

	public LogFormat format() {
		return format;
	}

	public long events() {
		return events;
	}

	public long skipped() {
		return skipped;
	}

	public Instant first() {
		return first;
	}

	public Instant last() {
		return last;
	}

	public Set<String> hosts() {
		return Collections.unmodifiableSet(hosts);
	}

	public List<String> notes() {
		return Collections.unmodifiableList(notes);
	}

}
