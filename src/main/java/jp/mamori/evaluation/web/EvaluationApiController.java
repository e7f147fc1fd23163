package jp.mamori.evaluation.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jp.mamori.evaluation.Evaluation;
import jp.mamori.shared.OrgId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evidence-based suggestion per item of an assessment (contract: field names are
 * relied on).
 */
@RestController
class EvaluationApiController {

	private final Evaluation evaluation;

	EvaluationApiController(Evaluation evaluation) {
		this.evaluation = evaluation;
	}

	@GetMapping("/api/v1/orgs/{org}/assessments/{id}/evaluation")
	@PreAuthorize("@access.canView(#org)")
	Map<String, Object> evaluation(@PathVariable OrgId org, @PathVariable UUID id) {
		var result = evaluation.evaluate(org, id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("assessment", result.assessment());
		body.put("evaluatedOn", result.evaluatedOn());
		body.put("items", result.items().stream().map(item -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("itemId", item.itemId());
			json.put("suggestion", item.suggestion().code());
			json.put("checks", item.checks().stream().map(check -> {
				Map<String, Object> c = new LinkedHashMap<>();
				c.put("id", check.id());
				c.put("title", check.title());
				c.put("status", check.result().status().name());
				c.put("reasons", check.result().reasons());
				c.put("refs", check.result().refs());
				return c;
			}).toList());
			return json;
		}).toList());
		return body;
	}

}
