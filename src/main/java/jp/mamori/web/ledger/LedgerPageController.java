package jp.mamori.web.ledger;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.InvalidLedgerDataException;
import jp.mamori.shared.ledger.LedgerColumn;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerImportJobs;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.LedgerUploads;
import jp.mamori.shared.ledger.LedgerValues;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ledger pages: the list of ledgers with the checklist items each serves, one
 * ledger's rows, a row's form, and import in two steps — upload and preview (errors by
 * row and column, nothing written), then import.
 */
@Controller
@RequestMapping("/orgs/{org}/ledgers")
class LedgerPageController {

	static final int PAGE_SIZE = 50;

	private final Ledgers ledgers;

	private final LedgerStore store;

	private final LedgerRecords records;

	private final LedgerUploads uploads;

	private final LedgerImportJobs jobs;

	LedgerPageController(Ledgers ledgers, LedgerStore store, LedgerRecords records, LedgerUploads uploads,
			LedgerImportJobs jobs) {
		this.ledgers = ledgers;
		this.store = store;
		this.records = records;
		this.uploads = uploads;
		this.jobs = jobs;
	}

	/** One ledger in the index, with its row count. */
	record LedgerSummary(LedgerDefinition ledger, long rows) {
	}

	@GetMapping
	@PreAuthorize("@access.canView(#org)")
	String index(@PathVariable OrgId org, Model model) {
		model.addAttribute("orgId", org);
		model.addAttribute("summaries",
				ledgers.all().stream().map(l -> new LedgerSummary(l, store.count(l, org))).toList());
		return "ledger/index";
	}

	@GetMapping("/{ledger}")
	@PreAuthorize("@access.canView(#org)")
	String list(@PathVariable OrgId org, @PathVariable String ledger, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String q, Model model) {
		LedgerDefinition definition = ledgers.require(ledger);
		String filter = q == null || q.isBlank() ? null : q.strip();
		// a page number from a hand-made URL stays within what an int offset can hold
		int pageNo = Math.max(0, Math.min(page, Integer.MAX_VALUE / PAGE_SIZE - 1));
		LedgerStore.Page found = store.page(definition, org, filter, pageNo * PAGE_SIZE, PAGE_SIZE);
		long total = found.total();
		long pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
		model.addAttribute("orgId", org);
		model.addAttribute("ledger", definition);
		model.addAttribute("q", filter);
		model.addAttribute("rows", found.rows());
		model.addAttribute("table", found.rows().stream().map(r -> TableRow.of(definition, r)).toList());
		model.addAttribute("total", total);
		model.addAttribute("page", pageNo);
		model.addAttribute("pages", pages);
		model.addAttribute("pageLinks", pageLinks(pageNo, pages));
		return "ledger/list";
	}

	@GetMapping("/{ledger}/rows/new")
	@PreAuthorize("@access.canEdit(#org)")
	String newRow(@PathVariable OrgId org, @PathVariable String ledger, Model model) {
		LedgerDefinition definition = ledgers.require(ledger);
		return form(model, org, definition, null, 0, Map.of(), Map.of());
	}

	@GetMapping("/{ledger}/rows/{id}")
	@PreAuthorize("@access.canView(#org)")
	String row(@PathVariable OrgId org, @PathVariable String ledger, @PathVariable UUID id, Model model) {
		LedgerDefinition definition = ledgers.require(ledger);
		LedgerRow row = store.find(definition, org, id).orElseThrow(() -> new NotFoundException("行が見つかりません"));
		Map<String, String> texts = new LinkedHashMap<>();
		for (LedgerColumn column : definition.columns()) {
			texts.put(column.key(), LedgerValues.format(column, row.value(column.key())));
		}
		return form(model, org, definition, id, row.version(), texts, Map.of());
	}

	@PostMapping("/{ledger}/rows")
	@PreAuthorize("@access.canEdit(#org)")
	String save(@PathVariable OrgId org, @PathVariable String ledger, @RequestParam MultiValueMap<String, String> form,
			Principal principal, Model model, RedirectAttributes redirect) {
		LedgerDefinition definition = ledgers.require(ledger);
		Map<String, String> raw = new LinkedHashMap<>();
		definition.columns().forEach(c -> raw.put(c.key(), form.getFirst(c.key())));
		String idText = form.getFirst("id");
		UUID id = idText == null || idText.isBlank() ? null : UUID.fromString(idText);
		int version = parseVersion(form.getFirst("version"));
		try {
			if (id == null) {
				records.create(definition, org, raw, principal.getName());
			}
			else {
				records.update(definition, org, id, version, raw, principal.getName());
			}
		}
		catch (InvalidLedgerDataException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.errors().forEach(e -> errors.put(e.column(), e.message()));
			return form(model, org, definition, id, version, raw, errors);
		}
		catch (ConflictException ex) {
			return form(model, org, definition, id, version, raw, Map.of("", ex.getMessage()));
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/orgs/" + org + "/ledgers/" + ledger;
	}

	@PostMapping("/{ledger}/rows/{id}/delete")
	@PreAuthorize("@access.canEdit(#org)")
	String delete(@PathVariable OrgId org, @PathVariable String ledger, @PathVariable UUID id, Principal principal,
			RedirectAttributes redirect) {
		records.delete(ledgers.require(ledger), org, id, principal.getName());
		redirect.addFlashAttribute("deleted", true);
		return "redirect:/orgs/" + org + "/ledgers/" + ledger;
	}

	@PostMapping("/{ledger}/import")
	@PreAuthorize("@access.canEdit(#org)")
	String preview(@PathVariable OrgId org, @PathVariable String ledger, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "auto") String encoding, Principal principal, Model model) throws IOException {
		LedgerDefinition definition = ledgers.require(ledger);
		model.addAttribute("orgId", org);
		model.addAttribute("ledger", definition);
		model.addAttribute("fileName", file.getOriginalFilename());
		model.addAttribute("encoding", encoding);
		try {
			var result = records.preview(definition, org, file.getOriginalFilename(), file.getBytes(), encoding);
			model.addAttribute("result", result);
			if (result.valid()) {
				model.addAttribute("uploadId", uploads.keep(org, ledger, file.getOriginalFilename(), encoding,
						file.getBytes(), principal.getName()));
			}
		}
		catch (BadInputException ex) {
			model.addAttribute("fileError", ex.getMessage());
		}
		return "ledger/preview";
	}

	@PostMapping("/{ledger}/import/{upload}")
	@PreAuthorize("@access.canEdit(#org)")
	String commit(@PathVariable OrgId org, @PathVariable String ledger, @PathVariable UUID upload,
			Principal principal) {
		LedgerDefinition definition = ledgers.require(ledger);
		var kept = uploads.find(org, ledger, upload)
			.orElseThrow(() -> new NotFoundException("取り込むファイルが見つかりません。もう一度ファイルを選んでください"));
		UUID job = jobs.start(definition, org, kept, principal.getName());
		return "redirect:/orgs/" + org + "/ledgers/" + ledger + "/import-jobs/" + job;
	}

	/** The import's progress: the page, or (htmx polling) only its status fragment. */
	@GetMapping("/{ledger}/import-jobs/{job}")
	@PreAuthorize("@access.canView(#org)")
	String progress(@PathVariable OrgId org, @PathVariable String ledger, @PathVariable UUID job, Model model,
			@RequestHeader(value = "HX-Request", required = false) String htmx) {
		LedgerDefinition definition = ledgers.require(ledger);
		var progress = jobs.find(org, job).orElseThrow(() -> new NotFoundException("取り込みの記録が見つかりません"));
		model.addAttribute("orgId", org);
		model.addAttribute("ledger", definition);
		model.addAttribute("job", progress);
		return htmx == null ? "ledger/progress" : "ledger/progress :: status";
	}

	@GetMapping("/{ledger}/export")
	@PreAuthorize("@access.canView(#org)")
	ResponseEntity<byte[]> export(@PathVariable OrgId org, @PathVariable String ledger,
			@RequestParam(defaultValue = "xlsx") String format, @RequestParam(defaultValue = "utf-8") String encoding) {
		return LedgerDownloads.export(ledgers.require(ledger), store, org, format, encoding);
	}

	@GetMapping("/{ledger}/template")
	@PreAuthorize("@access.canView(#org)")
	ResponseEntity<byte[]> template(@PathVariable OrgId org, @PathVariable String ledger) {
		return LedgerDownloads.template(ledgers.require(ledger));
	}

	private String form(Model model, OrgId org, LedgerDefinition definition, UUID id, int version,
			Map<String, String> values, Map<String, String> errors) {
		model.addAttribute("orgId", org);
		model.addAttribute("ledger", definition);
		model.addAttribute("rowId", id);
		model.addAttribute("version", version);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		return "ledger/row";
	}

	private static int parseVersion(String text) {
		try {
			return text == null ? 0 : Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * One row of the list as the page shows it: the label (linked to the row) and the
	 * other cells, formatted here once rather than by three template expressions per cell
	 * (a page of 50 devices has 1,350 cells; measured in docs/benchmarks.md).
	 */
	public record TableRow(UUID id, String first, List<String> rest) {

		static TableRow of(LedgerDefinition ledger, LedgerRow row) {
			List<String> cells = ledger.columns()
				.stream()
				.map(c -> LedgerValues.format(c, row.value(c.key())))
				.toList();
			return new TableRow(row.id(), cells.get(0), cells.subList(1, cells.size()));
		}

	}

	/**
	 * The page numbers to link: the first, the last and a window around the current one —
	 * 50,000 accounts would otherwise render 1,000 links on every page.
	 */
	static List<Long> pageLinks(long current, long pages) {
		java.util.TreeSet<Long> links = new java.util.TreeSet<>();
		if (pages <= 1) {
			return List.of();
		}
		links.add(0L);
		links.add(pages - 1);
		for (long p = Math.max(0, current - PAGE_WINDOW); p <= Math.min(pages - 1, current + PAGE_WINDOW); p++) {
			links.add(p);
		}
		return List.copyOf(links);
	}

	static final int PAGE_WINDOW = 4;

}
