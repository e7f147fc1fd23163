package jp.mamori.assessment;

import java.util.UUID;

import jp.mamori.assessment.internal.AssessmentRepository;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.OrgId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: start the next round (2回目, 3回目) after the previous one was submitted. Every
 * row starts with the last answer, marked 要再確認 and with its 確認日 cleared: each item has to
 * be checked again.
 */
@Service
public class StartNextRound {

	public static final int MAX_ROUNDS = 3;

	private final AssessmentRepository repository;

	private final AssessmentQueries queries;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	StartNextRound(AssessmentRepository repository, AssessmentQueries queries, ApplicationEventPublisher events,
			java.time.Clock clock) {
		this.repository = repository;
		this.queries = queries;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public AssessmentRound start(OrgId org, UUID assessmentId, String by) {
		queries.require(org, assessmentId);
		repository.lock(org, assessmentId);
		AssessmentView view = queries.view(org, assessmentId);
		AssessmentRound last = view.latestRound();
		if (last.isOpen()) {
			throw new ConflictException((last.number() + 1) + "回目を始める前に" + last.number() + "回目を提出してください");
		}
		if (last.number() >= MAX_ROUNDS) {
			throw new ConflictException("確認は" + MAX_ROUNDS + "回目までです");
		}
		int next = last.number() + 1;
		repository.insertRound(org, assessmentId, next, clock.instant());
		for (AssessmentView.Row row : view.rows()) {
			Answer previous = row.round(last.number()).answer();
			repository.insertAnswer(org, assessmentId,
					new Answer(row.item().id(), next, previous.value(), null, previous.targetDate(), previous.note(),
							previous.value() != null, previous.value(), previous.checkedOn(), 0, null, null));
		}
		events.publishEvent(new RoundStarted(assessmentId, org, next, by));
		return queries.view(org, assessmentId).round(next);
	}

}
