package jp.mamori.endpoint.web;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.mamori.endpoint.EndpointMachine;
import jp.mamori.endpoint.EndpointQueries;
import jp.mamori.endpoint.ImportCollectorFiles;
import jp.mamori.shared.OrgId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST: {@code POST /api/v1/orgs/{org}/collector/import} (multipart, field {@code files}
 * or {@code file}: one or many .json collector files or .zip archives of them) →
 * {@code {"files":[{"file","device","status","message"}]}} with status created, updated
 * or error; {@code GET /api/v1/orgs/{org}/endpoints} lists the imported machines.
 */
@RestController
class EndpointApiController {

	private final ImportCollectorFiles importer;

	private final EndpointQueries queries;

	EndpointApiController(ImportCollectorFiles importer, EndpointQueries queries) {
		this.importer = importer;
		this.queries = queries;
	}

	@PostMapping("/api/v1/orgs/{org}/collector/import")
	@PreAuthorize("@access.canEdit(#org)")
	Map<String, Object> importFiles(@PathVariable OrgId org,
			@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(name = "file", required = false) List<MultipartFile> file, Principal principal)
			throws IOException {
		List<ImportCollectorFiles.Upload> uploads = new java.util.ArrayList<>(Uploads.of(files));
		uploads.addAll(Uploads.of(file));
		List<Map<String, Object>> rows = importer.importFiles(org, uploads, principal.getName()).stream().map(r -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("file", r.file());
			m.put("device", r.device());
			m.put("status", r.status());
			m.put("message", r.message());
			return m;
		}).toList();
		return Map.of("files", rows);
	}

	@GetMapping("/api/v1/orgs/{org}/endpoints")
	@PreAuthorize("@access.canView(#org)")
	Map<String, Object> machines(@PathVariable OrgId org) {
		return Map.of("machines", queries.machines(org).stream().map(EndpointApiController::json).toList());
	}

	private static Map<String, Object> json(EndpointMachine m) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", m.id());
		json.put("deviceId", m.deviceId());
		json.put("hostname", m.hostname());
		json.put("serial", m.serial());
		json.put("os", m.os());
		json.put("role", m.role());
		json.put("collectedAt", m.collectedAt().toString());
		json.put("file", m.fileName());
		json.put("findings", m.findings());
		return json;
	}

}
