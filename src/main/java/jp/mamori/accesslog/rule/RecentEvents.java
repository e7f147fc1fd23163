package jp.mamori.accesslog.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jp.mamori.accesslog.parser.LogEvent;

/**
 * The last {@code capacity} events of one key, oldest overwritten: enough to tell whether
 * {@code capacity} events fell within a window (a burst) without keeping every event of a
 * flood. Events arrive in ascending time order.
 */
final class RecentEvents {

	private final LogEvent[] ring;

	private int next;

	private int size;

	RecentEvents(int capacity) {
		this.ring = new LogEvent[Math.max(1, capacity)];
	}

	void add(LogEvent event) {
		ring[next] = event;
		next = (next + 1) % ring.length;
		size = Math.min(size + 1, ring.length);
	}

	void clear() {
		java.util.Arrays.fill(ring, null);
		next = 0;
		size = 0;
	}

	boolean isEmpty() {
		return size == 0;
	}

	/** The newest event, or null. */
	LogEvent newest() {
		return size == 0 ? null : ring[(next - 1 + ring.length) % ring.length];
	}

	/**
	 * Whether the ring is full and its oldest and newest events lie within the window
	 * (inclusive): {@code capacity} events in {@code window}.
	 */
	boolean isBurst(Duration window) {
		if (size < ring.length) {
			return false;
		}
		Instant oldest = ring[next].time();
		return Duration.between(oldest, newest().time()).compareTo(window) <= 0;
	}

	/** The kept events no older than {@code window} before {@code now}, oldest first. */
	List<LogEvent> within(Instant now, Duration window) {
		Instant from = now.minus(window);
		List<LogEvent> events = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			LogEvent event = ring[(next - size + i + ring.length) % ring.length];
			if (!event.time().isBefore(from)) {
				events.add(event);
			}
		}
		return events;
	}

	/** Whether the newest event is older than {@code window} before {@code now}. */
	boolean isStale(Instant now, Duration window) {
		LogEvent newest = newest();
		return newest == null || newest.time().isBefore(now.minus(window));
	}

	/** The kept events, oldest first. */
	List<LogEvent> events() {
		List<LogEvent> events = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			events.add(ring[(next - size + i + ring.length) % ring.length]);
		}
		return events;
	}

}
