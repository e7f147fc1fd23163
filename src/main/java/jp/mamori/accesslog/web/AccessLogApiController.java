package jp.mamori.accesslog.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.mamori.accesslog.AccessLogFinding;
import jp.mamori.accesslog.AccessLogFindings;
import jp.mamori.accesslog.AccessLogImportJobs;
import jp.mamori.accesslog.AccessLogQueries;
import jp.mamori.accesslog.FindingState;
import jp.mamori.accesslog.ImportedFile;
import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST: {@code GET /api/v1/orgs/{org}/logs/findings}, {@code GET …/logs/imports} and
 * {@code POST …/logs/imports} (multipart {@code files}, optional {@code format} and
 * {@code sourceId}; imports, analyses and answers with one summary per file).
 */
@RestController
class AccessLogApiController {

	private final AccessLogFindings findings;

	private final AccessLogQueries queries;

	private final AccessLogImportJobs jobs;

	AccessLogApiController(AccessLogFindings findings, AccessLogQueries queries, AccessLogImportJobs jobs) {
		this.findings = findings;
		this.queries = queries;
		this.jobs = jobs;
	}

	@GetMapping("/api/v1/orgs/{org}/logs/findings")
	@PreAuthorize("@access.canView(#org)")
	Map<String, Object> findings(@PathVariable OrgId org, @RequestParam(required = false) String state) {
		FindingState filter = state == null ? null : FindingState.fromCode(state)
			.orElseThrow(() -> new BadInputException("state は new, confirmed, in_progress, false_positive のいずれかです"));
		return Map.of("findings", findings.list(org, filter).stream().map(AccessLogApiController::json).toList());
	}

	@GetMapping("/api/v1/orgs/{org}/logs/imports")
	@PreAuthorize("@access.canView(#org)")
	Map<String, Object> imports(@PathVariable OrgId org) {
		return Map.of("imports", queries.imports(org).stream().map(AccessLogApiController::json).toList());
	}

	@PostMapping("/api/v1/orgs/{org}/logs/imports")
	@PreAuthorize("@access.canEdit(#org)")
	Map<String, Object> upload(@PathVariable OrgId org,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(required = false) String format, @RequestParam(required = false) String sourceId,
			Principal principal) throws IOException {
		LogFormat chosen = format == null || format.isBlank() || "auto".equals(format) ? null
				: LogFormat.ofId(format).orElseThrow(() -> new BadInputException("format が正しくありません: " + format));
		java.util.UUID source;
		try {
			source = sourceId == null || sourceId.isBlank() ? null : java.util.UUID.fromString(sourceId.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new BadInputException("sourceId が正しくありません: " + sourceId);
		}
		List<AccessLogImportJobs.PendingFile> pending = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			Path temp = AccessLogImportJobs.newUploadFile();
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
			}
			String name = file.getOriginalFilename() == null ? "log" : file.getOriginalFilename();
			pending.add(new AccessLogImportJobs.PendingFile(name, temp, Files.size(temp)));
		}
		if (pending.isEmpty()) {
			throw new BadInputException("ログファイル（files）がありません");
		}
		AccessLogImportJobs.Progress progress = jobs.runNow(org, source, chosen, pending, principal.getName());
		List<Map<String, Object>> outcomes = new ArrayList<>();
		for (AccessLogImportJobs.FileOutcome outcome : progress.outcomes()) {
			Map<String, Object> m = outcome.result() == null ? new LinkedHashMap<>() : json(outcome.result());
			m.put("file", outcome.fileName());
			m.put("error", outcome.error());
			outcomes.add(m);
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("files", outcomes);
		result.put("findings", progress.findings());
		return result;
	}

	static Map<String, Object> json(AccessLogFinding f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", f.id().toString());
		m.put("rule", f.rule());
		m.put("severity", f.severity().id());
		m.put("count", f.count());
		m.put("accounts", f.accounts());
		m.put("sources", f.sources());
		m.put("hosts", f.hosts());
		m.put("first", f.first() == null ? null : f.first().toString());
		m.put("last", f.last() == null ? null : f.last().toString());
		m.put("summary", f.summary());
		m.put("state", f.state().code());
		return m;
	}

	static Map<String, Object> json(ImportedFile f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", f.id().toString());
		m.put("file", f.fileName());
		m.put("format", f.format().id());
		m.put("events", f.events());
		m.put("added", f.added());
		m.put("duplicates", f.duplicates());
		m.put("skipped", f.skipped());
		m.put("first", f.first() == null ? null : f.first().toString());
		m.put("last", f.last() == null ? null : f.last().toString());
		m.put("hosts", f.hosts());
		m.put("notes", f.notes());
		m.put("sourceId", f.sourceId() == null ? null : f.sourceId().toString());
		return m;
	}

}
