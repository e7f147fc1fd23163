package jp.mamori.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps evaluations current without running the checks on every request: a ledger change
 * records the organisation's change time in the database (in the changing transaction, so
 * every node sees it), and a background job re-evaluates the organisation's assessments
 * once the changes have settled for {@link #SETTLE} (debounced: an import of a thousand
 * rows triggers one re-evaluation, not a thousand). A request finds the cached evaluation
 * when it is newer than the last change, and computes it otherwise.
 */
@Component
@org.springframework.scheduling.annotation.EnableScheduling
public class EvaluationFreshness {

	static final Duration SETTLE = Duration.ofSeconds(5);

	private record Cached(Evaluation.AssessmentEvaluation evaluation, Instant computedAt) {
	}

	private record Key(OrgId org, UUID assessment) {
	}

	private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final Clock clock;

	EvaluationFreshness(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Recorded after the change commits (in a transaction of its own), so that an
	 * evaluation that started before the commit can never look newer than the change it
	 * did not see.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void ledgerChanged(LedgerChanged event) {
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		if (jdbc.sql("update evaluation_change set changed_at = ? where org_id = ?")
			.params(now, event.org().value())
			.update() == 0) {
			jdbc.sql("insert into evaluation_change (org_id, changed_at) values (?, ?)")
				.params(event.org().value(), now)
				.update();
		}
	}

	Optional<Instant> lastChange(OrgId org) {
		return jdbc.sql("select changed_at from evaluation_change where org_id = ?")
			.param(org.value())
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.optional();
	}

	/** The cached evaluation if nothing changed since it was computed. */
	Optional<Evaluation.AssessmentEvaluation> current(OrgId org, UUID assessment) {
		Cached cached = cache.get(new Key(org, assessment));
		if (cached == null) {
			return Optional.empty();
		}
		Optional<Instant> changed = lastChange(org);
		return changed.isEmpty() || changed.get().isBefore(cached.computedAt()) ? Optional.of(cached.evaluation())
				: Optional.empty();
	}

	void remember(OrgId org, UUID assessment, Evaluation.AssessmentEvaluation evaluation, Instant computedAt) {
		cache.put(new Key(org, assessment), new Cached(evaluation, computedAt));
	}

	/** Organisations with a cached evaluation older than a change that has settled. */
	List<Key> settledStale(Instant now) {
		return cache.entrySet()
			.stream()
			.filter(e -> lastChange(e.getKey().org())
				.filter(changed -> !changed.isBefore(e.getValue().computedAt()) && changed.plus(SETTLE).isBefore(now))
				.isPresent())
			.map(Map.Entry::getKey)
			.toList();
	}

	/** Re-evaluates what changed, off the request thread (every few seconds). */
	@Scheduled(fixedDelay = 3000, initialDelay = 3000)
	void refresh() {
		Evaluation evaluation = evaluator;
		if (evaluation == null) {
			return;
		}
		for (Key key : settledStale(clock.instant())) {
			try {
				evaluation.refresh(key.org(), key.assessment());
			}
			catch (RuntimeException ex) {
				// the assessment may have gone (or the organisation): forget it
				cache.remove(key);
			}
		}
	}

	private volatile Evaluation evaluator;

	void attach(Evaluation evaluation) {
		this.evaluator = evaluation;
	}

}
