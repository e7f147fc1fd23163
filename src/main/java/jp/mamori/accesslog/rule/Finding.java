package jp.mamori.accesslog.rule;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;

/**
 * One thing a detection rule found, explained.
 *
 * @param rule the rule id ({@code brute-force} …) — a contract
 * @param severity how urgent
 * @param count how many events make up the finding
 * @param accounts the accounts concerned, as written in the log (first spelling seen)
 * @param sources the source addresses concerned
 * @param hosts the hosts that logged it
 * @param first the first event's time
 * @param last the last event's time
 * @param summary what was found and why it matters, in plain Japanese, with the numbers
 * @param evidence the events behind it (at most {@link #MAX_EVIDENCE}, first ones first)
 */
public record Finding(String rule, Severity severity, long count, List<String> accounts, List<String> sources,
		List<String> hosts, Instant first, Instant last, String summary, List<LogEvent> evidence) {

	public static final int MAX_EVIDENCE = 100;

	public Finding {
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(severity, "severity");
		accounts = List.copyOf(accounts);
		sources = List.copyOf(sources);
		hosts = List.copyOf(hosts);
		evidence = List.copyOf(evidence.size() > MAX_EVIDENCE ? evidence.subList(0, MAX_EVIDENCE) : evidence);
	}

}
