package jp.mamori.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.assessment.AssessmentView;
import jp.mamori.catalog.CatalogItem;
import jp.mamori.shared.OrgId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the checks bound to every item of an assessment and suggests an answer per item.
 * Each check runs once per evaluation even when several items share it.
 */
@Service
public class Evaluation {

	/** One check's outcome for an item. */
	public record CheckOutcome(String id, String title, CheckResult result) {
	}

	/** An item's suggestion with the checks behind it. */
	public record ItemEvaluation(String itemId, Suggestion suggestion, List<CheckOutcome> checks) {
	}

	/** The evaluation of a whole assessment. */
	public record AssessmentEvaluation(UUID assessment, LocalDate evaluatedOn, List<ItemEvaluation> items) {

		public java.util.Optional<ItemEvaluation> item(String itemId) {
			return items.stream().filter(i -> i.itemId().equals(itemId)).findFirst();
		}

	}

	private final AssessmentQueries assessments;

	private final Checks checks;

	private final Clock clock;

	private final EvaluationFreshness freshness;

	Evaluation(AssessmentQueries assessments, Checks checks, Clock clock, EvaluationFreshness freshness) {
		this.assessments = assessments;
		this.checks = checks;
		this.clock = clock;
		this.freshness = freshness;
		freshness.attach(this);
	}

	/** One item only (after its answer was saved). */
	@Transactional(readOnly = true)
	public ItemEvaluation evaluateItem(OrgId org, UUID assessmentId, String itemId) {
		AssessmentView view = assessments.view(org, assessmentId);
		CatalogItem item = view.row(itemId)
			.orElseThrow(() -> new jp.mamori.shared.NotFoundException("項目が見つかりません: " + itemId))
			.item();
		EvaluationContext context = new EvaluationContext(org, view.assessment().fiscalYear(), LocalDate.now(clock));
		return evaluate(item, context, new HashMap<>());
	}

	private ItemEvaluation evaluate(CatalogItem item, EvaluationContext context, Map<String, CheckResult> results) {
		List<CheckOutcome> outcomes = new ArrayList<>();
		for (String id : item.checks()) {
			checks.find(id)
				.ifPresent(check -> outcomes.add(new CheckOutcome(id, check.title(),
						results.computeIfAbsent(id, k -> check.evaluate(context)))));
		}
		return new ItemEvaluation(item.id(), Suggestion.of(outcomes.stream().map(o -> o.result().status()).toList()),
				outcomes);
	}

	/**
	 * The evaluation of an assessment: the cached one while no ledger of the organisation
	 * changed since, else computed now (and cached).
	 */
	@Transactional(readOnly = true)
	public AssessmentEvaluation evaluate(OrgId org, UUID assessmentId) {
		assessments.require(org, assessmentId);
		return freshness.current(org, assessmentId).orElseGet(() -> refresh(org, assessmentId));
	}

	@Transactional(readOnly = true)
	AssessmentEvaluation refresh(OrgId org, UUID assessmentId) {
		java.time.Instant started = clock.instant();
		AssessmentEvaluation evaluation = compute(org, assessmentId);
		freshness.remember(org, assessmentId, evaluation, started);
		return evaluation;
	}

	private AssessmentEvaluation compute(OrgId org, UUID assessmentId) {
		AssessmentView view = assessments.view(org, assessmentId);
		LocalDate today = LocalDate.now(clock);
		EvaluationContext context = new EvaluationContext(org, view.assessment().fiscalYear(), today);
		Map<String, CheckResult> results = new HashMap<>();
		List<ItemEvaluation> items = new ArrayList<>();
		for (AssessmentView.Row row : view.rows()) {
			items.add(evaluate(row.item(), context, results));
		}
		return new AssessmentEvaluation(assessmentId, today, items);
	}

}
