package jp.mamori.accesslog.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jp.mamori.accesslog.parser.LogEvent;

/**
 * Bursts per key: a key fires once {@code threshold} of its events fall within
 * {@code window} (sliding, inclusive), and from then on its finding gathers every further
 * event. Every event of a key is counted from the start, fired or not; before firing only
 * the last {@code threshold} events are kept, and those of keys that went quiet for a
 * window are let go, so memory follows the keys, not the events.
 *
 * @param <K> the key (an account, a host)
 */
final class Bursts<K> {

	private static final int SWEEP_EVERY = 1 << 16;

	private final int threshold;

	private final Duration window;

	private final Map<K, State> states = new HashMap<>();

	private final List<State> fired = new ArrayList<>();

	private long accepted;

	Bursts(int threshold, Duration window) {
		this.threshold = Math.max(1, threshold);
		this.window = Objects.requireNonNull(window);
	}

	void accept(K key, LogEvent event) {
		State state = states.computeIfAbsent(key, k -> new State());
		state.draft.count(event);
		if (state.recent == null) {
			state.draft.keep(event);
		}
		else {
			state.recent.add(event);
			if (state.recent.isBurst(window)) {
				// the burst itself is the first evidence; from now on every event is
				state.recent.events().forEach(state.draft::keep);
				state.recent = null;
				fired.add(state);
			}
		}
		if (++accepted % SWEEP_EVERY == 0) {
			sweep(event);
		}
	}

	/** The drafts of the keys that fired, in the order they fired. */
	List<FindingDraft> fired() {
		return fired.stream().map(s -> s.draft).toList();
	}

	private void sweep(LogEvent now) {
		for (State state : states.values()) {
			if (state.recent != null && !state.recent.isEmpty() && state.recent.isStale(now.time(), window)) {
				state.recent.clear();
			}
		}
	}

	private final class State {

		private final FindingDraft draft = new FindingDraft();

		private RecentEvents recent = new RecentEvents(threshold);

	}

}
