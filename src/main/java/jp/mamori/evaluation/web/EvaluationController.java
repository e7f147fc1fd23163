package jp.mamori.evaluation.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.mamori.assessment.AnswerValue;
import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.assessment.AssessmentView;
import jp.mamori.evaluation.Evaluation;
import jp.mamori.evaluation.Suggestion;
import jp.mamori.shared.OrgId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Suggestions on the checklist page, loaded by htmx after the page: a summary, and per
 * item (out-of-band swaps into each item's placeholder) the suggested answer, its
 * reasons, and a marker where the recorded answer and the evidence disagree.
 */
@Controller
@RequestMapping("/orgs/{org}/assessments/{id}/evaluation")
class EvaluationController {

	/**
	 * One item as shown: suggestion, reasons, and whether the recorded answer contradicts
	 * it.
	 */
	record Shown(String itemId, String domId, Suggestion suggestion, List<Evaluation.CheckOutcome> checks,
			boolean disagrees) {
	}

	private final Evaluation evaluation;

	private final AssessmentQueries assessments;

	EvaluationController(Evaluation evaluation, AssessmentQueries assessments) {
		this.evaluation = evaluation;
		this.assessments = assessments;
	}

	static String domId(String itemId) {
		return "suggestion-" + itemId.replace('@', '_');
	}

	@GetMapping
	@PreAuthorize("@access.canView(#org)")
	String all(@PathVariable OrgId org, @PathVariable UUID id, @RequestParam(defaultValue = "1") int round,
			Model model) {
		AssessmentView view = assessments.view(org, id);
		var result = evaluation.evaluate(org, id);
		List<Shown> shown = result.items().stream().map(i -> shown(view, round, i)).toList();
		Map<Suggestion, Long> counts = shown.stream()
			.collect(Collectors.groupingBy(Shown::suggestion, Collectors.counting()));
		model.addAttribute("shown", shown);
		model.addAttribute("taskOrg", org);
		model.addAttribute("taskAssessment", id);
		model.addAttribute("yes", counts.getOrDefault(Suggestion.YES, 0L));
		model.addAttribute("no", counts.getOrDefault(Suggestion.NO, 0L));
		model.addAttribute("undetermined", counts.getOrDefault(Suggestion.UNDETERMINED, 0L));
		model.addAttribute("disagreements", shown.stream().filter(Shown::disagrees).count());
		model.addAttribute("labels",
				view.rows().stream().collect(Collectors.toMap(r -> r.item().id(), r -> r.item().label(), (a, b) -> a)));
		return "evaluation/suggestions :: suggestions";
	}

	@GetMapping("/items/{itemId}")
	@PreAuthorize("@access.canView(#org)")
	String item(@PathVariable OrgId org, @PathVariable UUID id, @PathVariable String itemId,
			@RequestParam(defaultValue = "1") int round, Model model) {
		AssessmentView view = assessments.view(org, id);
		model.addAttribute("s", shown(view, round, evaluation.evaluateItem(org, id, itemId)));
		model.addAttribute("taskOrg", org);
		model.addAttribute("taskAssessment", id);
		return "evaluation/suggestions :: item";
	}

	private static Shown shown(AssessmentView view, int round, Evaluation.ItemEvaluation item) {
		AnswerValue answer = view.row(item.itemId())
			.filter(r -> round >= 1 && round <= r.rounds().size())
			.map(r -> r.round(round).answer().value())
			.orElse(null);
		boolean disagrees = (answer == AnswerValue.YES && item.suggestion() == Suggestion.NO)
				|| (answer == AnswerValue.NO && item.suggestion() == Suggestion.YES);
		return new Shown(item.itemId(), domId(item.itemId()), item.suggestion(), item.checks(), disagrees);
	}

}
