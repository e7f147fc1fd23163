package jp.mamori.evaluation.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.mamori.evaluation.RemediationTask;
import jp.mamori.evaluation.RemediationTasks;
import jp.mamori.evaluation.TaskStatus;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Remediation tasks of an organisation, overdue and open first (contract: field names are
 * relied on).
 */
@RestController
class TasksApiController {

	private final RemediationTasks tasks;

	TasksApiController(RemediationTasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/api/v1/orgs/{org}/tasks")
	@PreAuthorize("@access.canView(#org)")
	Map<String, Object> tasks(@PathVariable OrgId org, @RequestParam(required = false) String status) {
		TaskStatus filter = status == null || status.isBlank() ? null : TaskStatus.fromCode(status)
			.orElseThrow(() -> new BadInputException("status は open / in_progress / done のいずれかです"));
		LocalDate today = tasks.today();
		List<Map<String, Object>> items = tasks.list(org, filter).stream().map(t -> json(t, today)).toList();
		return Map.of("items", items);
	}

	private static Map<String, Object> json(RemediationTask t, LocalDate today) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", t.id());
		json.put("title", t.title());
		json.put("itemId", t.itemId());
		json.put("assessmentId", t.assessmentId());
		json.put("checkId", t.checkId());
		json.put("owner", t.owner());
		json.put("dueOn", t.dueOn() == null ? null : t.dueOn().toString());
		json.put("status", t.status().code());
		json.put("overdue", t.overdueOn(today));
		return json;
	}

}
