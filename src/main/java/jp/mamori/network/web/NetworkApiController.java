package jp.mamori.network.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.mamori.network.NetworkAnalysis;
import jp.mamori.network.NetworkFinding;
import jp.mamori.network.NetworkFindingState;
import jp.mamori.network.NetworkFindings;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST: {@code GET /api/v1/orgs/{org}/network/findings} (optional {@code state}) — every
 * stored configuration and scan finding with its file and triage state. Field names
 * follow {@code mamori analyze config --json} where they mean the same.
 */
@RestController
class NetworkApiController {

	private final NetworkFindings findings;

	NetworkApiController(NetworkFindings findings) {
		this.findings = findings;
	}

	@GetMapping("/api/v1/orgs/{org}/network/findings")
	@PreAuthorize("@access.canView(#org)")
	Map<String, Object> findings(@PathVariable OrgId org, @RequestParam(required = false) String state) {
		NetworkFindingState filter = state == null ? null : NetworkFindingState.fromCode(state)
			.orElseThrow(() -> new BadInputException("state は new, confirmed, in_progress, false_positive のいずれかです"));
		Map<UUID, NetworkAnalysis> analyses = findings.analyses(org)
			.stream()
			.collect(Collectors.toMap(NetworkAnalysis::id, Function.identity()));
		List<Map<String, Object>> list = findings.list(org, filter)
			.stream()
			.map(f -> json(f, analyses.get(f.analysisId())))
			.toList();
		return Map.of("findings", list);
	}

	private static Map<String, Object> json(NetworkFinding f, NetworkAnalysis analysis) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", f.findingId());
		m.put("findingId", f.id());
		m.put("analysisId", f.analysisId());
		m.put("kind", analysis == null ? null : analysis.kind().code());
		m.put("file", analysis == null ? null : analysis.fileName());
		m.put("severity", f.severity());
		m.put("line", f.line());
		m.put("rule", f.rule());
		m.put("service", f.service());
		m.put("interface", f.iface());
		m.put("address", f.address());
		m.put("port", f.port());
		m.put("summary", f.summary());
		m.put("fix", f.fix());
		m.put("evidence", f.evidence());
		m.put("state", f.state().code());
		m.put("version", f.version());
		return m;
	}

}
