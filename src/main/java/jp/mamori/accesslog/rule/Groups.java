package jp.mamori.accesslog.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import jp.mamori.accesslog.parser.LogEvent;

/**
 * One finding per key (an account, an account and source …), in the order keys were first
 * seen; memory follows the keys, not the events.
 *
 * @param <K> the key; a record, nulls allowed
 */
final class Groups<K> {

	private final Map<K, FindingDraft> drafts = new LinkedHashMap<>();

	/** Counts and keeps the event in the key's finding. */
	FindingDraft add(K key, LogEvent event) {
		return drafts.computeIfAbsent(key, k -> new FindingDraft()).add(event);
	}

	/** Every key's finding, written by {@code finding}; null results are left out. */
	List<Finding> findings(BiFunction<K, FindingDraft, Finding> finding) {
		List<Finding> findings = new ArrayList<>(drafts.size());
		drafts.forEach((key, draft) -> {
			Finding f = finding.apply(key, draft);
			if (f != null) {
				findings.add(f);
			}
		});
		return findings;
	}

	/**
	 * The run of a rule that only groups: every event {@code counts} accepts is kept
	 * under {@code keyOf}'s key, and each key becomes one finding written by
	 * {@code finding}.
	 */
	static <K> DetectionRule.Run run(Predicate<LogEvent> counts, Function<LogEvent, K> keyOf,
			BiFunction<K, FindingDraft, Finding> finding) {
		Groups<K> groups = new Groups<>();
		return new DetectionRule.Run() {

			@Override
			public void accept(LogEvent event) {
				if (counts.test(event)) {
					groups.add(keyOf.apply(event), event);
				}
			}

			@Override
			public List<Finding> finish() {
				return groups.findings(finding);
			}

		};
	}

}
