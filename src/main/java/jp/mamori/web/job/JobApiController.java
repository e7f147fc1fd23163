package jp.mamori.web.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.shared.JobRuns;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of an organisation's background jobs (imports): the latest ones and one by id,
 * with their state ({@code running}, {@code succeeded}, {@code failed}), progress and
 * message — so that a script can tell that an import was cut off by a restart.
 */
@RestController
class JobApiController {

	static final int LATEST = 50;

	private final JobRuns runs;

	JobApiController(JobRuns runs) {
		this.runs = runs;
	}

	@GetMapping("/api/v1/orgs/{org}/jobs")
	@PreAuthorize("@access.canView(#org)")
	Map<String, Object> list(@PathVariable OrgId org) {
		List<Map<String, Object>> jobs = runs.recent(org, LATEST).stream().map(JobApiController::json).toList();
		return Map.of("jobs", jobs);
	}

	@GetMapping("/api/v1/orgs/{org}/jobs/{id}")
	@PreAuthorize("@access.canView(#org)")
	Map<String, Object> get(@PathVariable OrgId org, @PathVariable UUID id) {
		return json(runs.find(org, id).orElseThrow(() -> new NotFoundException("処理の記録が見つかりません")));
	}

	static Map<String, Object> json(JobRuns.Run run) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", run.id().toString());
		m.put("kind", run.kind());
		m.put("subject", run.subject());
		m.put("state", run.state().name().toLowerCase(java.util.Locale.ROOT));
		m.put("interrupted", run.interrupted());
		m.put("message", run.message());
		m.put("done", run.done());
		m.put("total", run.total());
		m.put("startedBy", run.startedBy());
		m.put("startedAt", run.startedAt() == null ? null : run.startedAt().toString());
		m.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
		return m;
	}

}
