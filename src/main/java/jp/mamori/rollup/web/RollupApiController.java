package jp.mamori.rollup.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.mamori.rollup.GroupRollup;
import jp.mamori.rollup.Rollup;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.OrgId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/groups/{group}/rollup?fy=YEAR}: the roll-up as JSON, per member and
 * per item (contract: field names are relied on). Members whose consent hides their
 * numbers carry {@code null} counts; {@code items} per member only with full consent.
 */
@RestController
class RollupApiController {

	private final GroupRollup rollups;

	RollupApiController(GroupRollup rollups) {
		this.rollups = rollups;
	}

	@GetMapping("/api/v1/groups/{group}/rollup")
	@PreAuthorize("@access.canView(#group)")
	Map<String, Object> rollup(@PathVariable OrgId group, @RequestParam(required = false) Integer fy) {
		Rollup r = rollups.rollup(group, fy == null ? rollups.currentFiscalYear() : FiscalYear.of(fy));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("group", r.group().toString());
		body.put("name", r.groupName());
		body.put("fiscalYear", r.fiscalYear().startYear());
		body.put("asOf", r.today());
		body.put("members", r.members().stream().map(m -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("org", m.org().toString());
			json.put("name", m.name());
			json.put("consent", m.consent().code());
			json.put("hasAssessment", m.consent().showsNumbers() ? m.hasAssessment() : null);
			json.put("answered", m.answered());
			json.put("yes", m.yes());
			json.put("overdue", m.overdue());
			json.put("critical", m.critical());
			json.put("items", m.items());
			return json;
		}).toList());
		body.put("items", r.items().stream().map(i -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("itemId", i.itemId());
			json.put("number", i.number());
			json.put("yes", i.yes());
			json.put("no", i.no());
			json.put("unanswered", i.unanswered());
			json.put("shareYes", i.shareYes());
			return json;
		}).toList());
		return body;
	}

}
