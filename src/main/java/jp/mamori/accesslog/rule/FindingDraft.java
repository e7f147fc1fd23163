package jp.mamori.accesslog.rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jp.mamori.accesslog.parser.AccountName;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;

/**
 * A finding being put together while events stream past: counts, time range, the
 * accounts, sources and hosts by frequency, and the first {@link Finding#MAX_EVIDENCE}
 * events. Holds no more than that, however many events it counts.
 */
final class FindingDraft {

	/** The most names a finding lists per kind (accounts, sources, hosts). */
	static final int MAX_NAMES = 100;

	private final Tally accounts = new Tally();

	private final Tally sources = new Tally();

	private final Tally hosts = new Tally();

	/** Made on the first event kept: many drafts of a long stream keep none. */
	private List<LogEvent> evidence;

	private long count;

	private Instant first;

	private Instant last;

	/** Counts the event and keeps it as evidence while there is room. */
	FindingDraft add(LogEvent event) {
		count(event);
		keep(event);
		return this;
	}

	/** Counts the event (time range, account, source, host) without keeping it. */
	FindingDraft count(LogEvent event) {
		count++;
		return note(event);
	}

	/**
	 * Takes the event's time, account, source and host into the finding without counting
	 * it: context such as the failures before a success.
	 */
	FindingDraft note(LogEvent event) {
		return note(event, event.user());
	}

	/**
	 * Counts and keeps the event as about {@code account} rather than its
	 * {@link LogEvent#user()} (a member SID resolved to a name).
	 */
	FindingDraft addAs(LogEvent event, String account) {
		count++;
		note(event, account);
		return keep(event);
	}

	private FindingDraft note(LogEvent event, String account) {
		if (first == null || event.time().isBefore(first)) {
			first = event.time();
		}
		if (last == null || event.time().isAfter(last)) {
			last = event.time();
		}
		account(account);
		sources.add(event.sourceAddress(), event.sourceAddress());
		hosts.add(event.host(), event.host() == null ? null : event.host().toLowerCase(Locale.ROOT));
		return this;
	}

	/** Keeps the event as evidence while there is room. */
	FindingDraft keep(LogEvent event) {
		if (evidence == null) {
			evidence = new ArrayList<>(4);
		}
		if (evidence.size() < Finding.MAX_EVIDENCE) {
			evidence.add(event);
		}
		return this;
	}

	/**
	 * Names a further account concerned (the subject of an action, a resolved member).
	 */
	FindingDraft account(String written) {
		accounts.add(written, AccountName.key(written));
		return this;
	}

	/** Adds events counted before this draft existed (a burst's earlier events). */
	FindingDraft countEarlier(long earlier, Instant earlierFirst) {
		count += earlier;
		if (earlierFirst != null && (first == null || earlierFirst.isBefore(first))) {
			first = earlierFirst;
		}
		return this;
	}

	long count() {
		return count;
	}

	Instant first() {
		return first;
	}

	Instant last() {
		return last;
	}

	Tally accounts() {
		return accounts;
	}

	Tally sources() {
		return sources;
	}

	Tally hosts() {
		return hosts;
	}

	List<LogEvent> evidence() {
		return evidence == null ? List.of() : evidence;
	}

	/**
	 * The finding. Its lists name at most {@link #MAX_NAMES} accounts, sources and hosts,
	 * the most frequent: a scan from thousands of addresses stays readable, and the
	 * summary gives the full numbers.
	 */
	Finding finding(String rule, Severity severity, String summary) {
		return new Finding(rule, severity, count, top(accounts), top(sources), top(hosts), first, last, summary,
				evidence());
	}

	private static List<String> top(Tally tally) {
		List<String> names = tally.names();
		return names.size() > MAX_NAMES ? names.subList(0, MAX_NAMES) : names;
	}

}
