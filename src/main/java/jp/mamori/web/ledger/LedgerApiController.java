package jp.mamori.web.ledger;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.shared.BadInputException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.InvalidLedgerDataException;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerError;
import jp.mamori.shared.ledger.LedgerImportJobs;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.LedgerValues;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of every ledger ({@code devices}, {@code remote-connections}, {@code vendors},
 * {@code staff}, {@code accounts}, {@code log-sources}, {@code backups}, {@code contacts}
 * …): paged list, get, create, update, delete in JSON; import of a file (nothing stored
 * unless every row is valid) and export.
 */
@RestController
@RequestMapping("/api/v1/orgs/{org}/{ledger}")
class LedgerApiController {

	static final int MAX_PAGE = 500;

	private final Ledgers ledgers;

	private final LedgerStore store;

	private final LedgerRecords records;

	private final LedgerImportJobs jobs;

	LedgerApiController(Ledgers ledgers, LedgerStore store, LedgerRecords records, LedgerImportJobs jobs) {
		this.jobs = jobs;
		this.ledgers = ledgers;
		this.store = store;
		this.records = records;
	}

	static Map<String, Object> json(LedgerRow row) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", row.id());
		json.put("version", row.version());
		json.putAll(row.values());
		json.put("updatedAt", row.updatedAt());
		json.put("updatedBy", row.updatedBy());
		return json;
	}

	@GetMapping
	@PreAuthorize("@access.canView(#org)")
	Map<String, Object> list(@PathVariable OrgId org, @PathVariable String ledger,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
		LedgerDefinition definition = ledgers.require(ledger);
		int pageSize = Math.max(1, Math.min(size, MAX_PAGE));
		int pageNo = Math.max(0, page);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("ledger", definition.id());
		body.put("page", pageNo);
		body.put("size", pageSize);
		body.put("total", store.count(definition, org));
		body.put("items",
				store.list(definition, org, pageNo * pageSize, pageSize)
					.stream()
					.map(LedgerApiController::json)
					.toList());
		return body;
	}

	@GetMapping("/{id}")
	@PreAuthorize("@access.canView(#org)")
	Map<String, Object> get(@PathVariable OrgId org, @PathVariable String ledger, @PathVariable UUID id) {
		return json(store.find(ledgers.require(ledger), org, id).orElseThrow(() -> new NotFoundException("行が見つかりません")));
	}

	@PostMapping
	@PreAuthorize("@access.canEdit(#org)")
	ResponseEntity<Map<String, Object>> create(@PathVariable OrgId org, @PathVariable String ledger,
			@RequestBody Map<String, Object> body, Principal principal) {
		LedgerDefinition definition = ledgers.require(ledger);
		refuseUnknown(definition, body);
		LedgerRow row = records.create(definition, org, LedgerValues.raw(definition, body), principal.getName());
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + org + "/" + ledger + "/" + row.id()))
			.body(json(row));
	}

	@PutMapping("/{id}")
	@PreAuthorize("@access.canEdit(#org)")
	Map<String, Object> update(@PathVariable OrgId org, @PathVariable String ledger, @PathVariable UUID id,
			@RequestBody Map<String, Object> body, Principal principal) {
		LedgerDefinition definition = ledgers.require(ledger);
		refuseUnknown(definition, body);
		Integer version = body.get("version") instanceof Number n ? n.intValue() : null;
		return json(
				records.update(definition, org, id, version, LedgerValues.raw(definition, body), principal.getName()));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("@access.canEdit(#org)")
	ResponseEntity<Void> delete(@PathVariable OrgId org, @PathVariable String ledger, @PathVariable UUID id,
			Principal principal) {
		records.delete(ledgers.require(ledger), org, id, principal.getName());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/import")
	@PreAuthorize("@access.canEdit(#org)")
	Map<String, Object> importFile(@PathVariable OrgId org, @PathVariable String ledger,
			@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "auto") String encoding,
			Principal principal) throws IOException {
		LedgerDefinition definition = ledgers.require(ledger);
		// written down as a job, so that an import cut off by a crash is reported after
		// the restart (GET /api/v1/orgs/{org}/jobs)
		var result = jobs.runNow(definition, org, file.getOriginalFilename(), file.getBytes(), encoding,
				principal.getName());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("imported", result.inserted() + result.updated());
		body.put("inserted", result.inserted());
		body.put("updated", result.updated());
		body.put("encoding", result.encoding());
		body.put("ignoredHeaders", result.ignoredHeaders());
		return body;
	}

	@GetMapping("/export")
	@PreAuthorize("@access.canView(#org)")
	ResponseEntity<byte[]> export(@PathVariable OrgId org, @PathVariable String ledger,
			@RequestParam(defaultValue = "xlsx") String format, @RequestParam(defaultValue = "utf-8") String encoding) {
		return LedgerDownloads.export(ledgers.require(ledger), store, org, format, encoding);
	}

	@GetMapping("/template")
	@PreAuthorize("@access.canView(#org)")
	ResponseEntity<byte[]> template(@PathVariable OrgId org, @PathVariable String ledger) {
		return LedgerDownloads.template(ledgers.require(ledger));
	}

	private static void refuseUnknown(LedgerDefinition definition, Map<String, Object> body) {
		List<String> unknown = LedgerValues.unknownKeys(definition, body.keySet());
		if (!unknown.isEmpty()) {
			throw new InvalidLedgerDataException(
					unknown.stream().map(k -> new LedgerError(null, k, "この台帳にない項目です")).toList());
		}
	}

	/**
	 * Errors as the import contract has them:
	 * {@code {"errors":[{"row","column","message"}]}}.
	 */
	@ExceptionHandler(InvalidLedgerDataException.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidLedgerDataException ex) {
		return ResponseEntity.badRequest()
			.body(Map.of("errors", ex.errors().stream().map(LedgerApiController::error).toList()));
	}

	@ExceptionHandler(BadInputException.class)
	ResponseEntity<Map<String, Object>> bad(BadInputException ex) {
		HttpStatus status = ex instanceof jp.mamori.shared.ConflictException ? HttpStatus.CONFLICT
				: HttpStatus.BAD_REQUEST;
		return ResponseEntity.status(status)
			.body(Map.of("errors", List.of(error(new LedgerError(null, null, ex.getMessage())))));
	}

	static Map<String, Object> error(LedgerError error) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("row", error.row());
		json.put("column", error.column());
		json.put("message", error.message());
		return json;
	}

}
