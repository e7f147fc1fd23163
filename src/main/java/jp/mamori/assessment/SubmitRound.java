package jp.mamori.assessment;

import java.util.UUID;

import jp.mamori.assessment.internal.AssessmentRepository;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.OrgId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: submit a round; it becomes read-only and the submission goes to the audit
 * trail.
 */
@Service
public class SubmitRound {

	private final AssessmentRepository repository;

	private final AssessmentQueries queries;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	SubmitRound(AssessmentRepository repository, AssessmentQueries queries, ApplicationEventPublisher events,
			java.time.Clock clock) {
		this.repository = repository;
		this.queries = queries;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public AssessmentRound submit(OrgId org, UUID assessmentId, int round, String by) {
		queries.require(org, assessmentId);
		repository.lock(org, assessmentId);
		AssessmentView view = queries.view(org, assessmentId);
		if (!view.round(round).isOpen()) {
			throw new ConflictException(round + "回目は既に提出済みです");
		}
		repository.submitRound(org, assessmentId, round, clock.instant(), by);
		events.publishEvent(new RoundSubmitted(assessmentId, org, round, view.unanswered(round).size(), by));
		return queries.view(org, assessmentId).round(round);
	}

}
