package jp.mamori.network;

import jp.mamori.evaluation.EvaluationFreshness;
import jp.mamori.shared.ledger.LedgerChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the cached evaluation current: a new analysis or a triage changes what the
 * network checks answer, so the organisation's change time is recorded the way a ledger
 * change records it. {@link EvaluationFreshness} is called directly rather than through a
 * published {@link LedgerChanged}, because that event is itself audited and the upload or
 * triage is already in the trail once.
 */
@Component
class NetworkEvidenceChanges {

	private final EvaluationFreshness freshness;

	NetworkEvidenceChanges(EvaluationFreshness freshness) {
		this.freshness = freshness;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void analysed(NetworkFileAnalysed event) {
		freshness.ledgerChanged(new LedgerChanged(event.org(), "network", "analysed", event.fileName(),
				event.kind().code(), event.by()));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void triaged(NetworkFindingTriaged event) {
		freshness.ledgerChanged(new LedgerChanged(event.org(), "network", "triaged", event.findingId().toString(),
				event.state().code(), event.by()));
	}

}
