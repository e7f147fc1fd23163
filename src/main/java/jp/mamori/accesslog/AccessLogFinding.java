package jp.mamori.accesslog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.mamori.shared.Severity;

/**
 * A stored detection finding with its triage state.
 *
 * @param id the finding's id
 * @param key what identifies it across re-analyses (rule + its first evidence event)
 * @param rule the rule id
 * @param severity how urgent
 * @param count events behind it
 * @param accounts accounts concerned
 * @param sources source addresses concerned
 * @param hosts hosts that logged it
 * @param first first event time
 * @param last last event time
 * @param summary the Japanese explanation
 * @param evidence fingerprints of the evidence events
 * @param state triage state
 * @param detectedAt when first found
 * @param updatedAt last change (re-analysis or triage)
 * @param version for optimistic locking of triage
 */
public record AccessLogFinding(UUID id, String key, String rule, Severity severity, long count, List<String> accounts,
		List<String> sources, List<String> hosts, Instant first, Instant last, String summary, List<String> evidence,
		FindingState state, Instant detectedAt, Instant updatedAt, int version) {

	public AccessLogFinding {
		accounts = List.copyOf(accounts);
		sources = List.copyOf(sources);
		hosts = List.copyOf(hosts);
		evidence = List.copyOf(evidence);
	}

	/**
	 * Whether it still needs someone's attention (not yet triaged, or being dealt with).
	 */
	public boolean open() {
		return state == FindingState.NEW || state == FindingState.IN_PROGRESS;
	}

}
