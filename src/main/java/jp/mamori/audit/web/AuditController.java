package jp.mamori.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.security.Principal;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import jp.mamori.audit.AuditEntry;
import jp.mamori.audit.AuditFilter;
import jp.mamori.audit.AuditPage;
import jp.mamori.audit.AuditTrail;
import jp.mamori.audit.ExportAuditTrail;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ClockConfiguration;
import jp.mamori.shared.OrgId;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The organisation's audit trail (its アクセスログ, R7 2-⑪) for its administrators: filter,
 * page, export; whether the hash chain holds is shown on top. htmx filtering gets the
 * table fragment, any other request the page.
 */
@Controller
@RequestMapping("/orgs/{org}/audit")
class AuditController {

	static final int PAGE_SIZE = 100;

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private static final List<String> COLUMNS = List.of("seq", "time", "actor", "action", "actionCode", "target",
			"detail", "hash", "prevHash");

	private final AuditTrail trail;

	private final ExportAuditTrail exportTrail;

	private final ActionLabels labels;

	private final MessageSource messages;

	private final Clock clock;

	AuditController(AuditTrail trail, ExportAuditTrail exportTrail, ActionLabels labels, MessageSource messages,
			Clock clock) {
		this.trail = trail;
		this.exportTrail = exportTrail;
		this.labels = labels;
		this.messages = messages;
		this.clock = clock;
	}

	/** What the top of the page says about the chain. */
	record ChainStatus(boolean intact, String messageKey, String seq) {

		static ChainStatus of(Optional<AuditTrail.Break> broken) {
			return broken
				.map(b -> new ChainStatus(false, "audit.chain.broken." + b.kind().code(), Long.toString(b.seq())))
				.orElseGet(() -> new ChainStatus(true, "audit.chain.intact", ""));
		}

	}

	@GetMapping
	@PreAuthorize("@access.canAdminister(#org)")
	String list(@PathVariable OrgId org, @ModelAttribute("filter") AuditFilterForm form,
			@RequestParam(defaultValue = "1") int page,
			@RequestHeader(value = "HX-Request", required = false) String htmx,
			@RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore, Locale locale,
			Model model, HttpServletResponse response) {
		AuditPage result;
		try {
			result = trail.search(org, form.toFilter(), page, PAGE_SIZE);
		}
		catch (BadInputException ex) {
			model.addAttribute("filterError", ex.getMessage());
			result = AuditPage.empty(PAGE_SIZE);
		}
		model.addAttribute("orgId", org.toString());
		model.addAttribute("result", result);
		model.addAttribute("rows", result.entries().stream().map(e -> row(e, locale)).toList());
		model.addAttribute("exportCsv", exportUrl(org, form, "csv", null));
		model.addAttribute("exportCsvCp932", exportUrl(org, form, "csv", "cp932"));
		model.addAttribute("exportXlsx", exportUrl(org, form, "xlsx", null));
		model.addAttribute("previousPage", result.hasPrevious() ? pageUrl(org, form, result.page() - 1) : null);
		model.addAttribute("nextPage", result.hasNext() ? pageUrl(org, form, result.page() + 1) : null);
		// the same URL answers with the page or the fragment: caches must keep them apart
		response.addHeader(HttpHeaders.VARY, "HX-Request");
		if (htmx != null && historyRestore == null) {
			return "audit/entries :: table";
		}
		model.addAttribute("actionGroups", labels.groups(trail.actions(org), locale));
		model.addAttribute("actors", trail.actors(org));
		// walks the whole chain: on the page, not on every filter change
		model.addAttribute("chain", ChainStatus.of(trail.verify()));
		return "audit/entries";
	}

	/**
	 * The filtered trail as a file; the download is appended to the trail first, so the
	 * log records who took a copy of it.
	 */
	@GetMapping("/export")
	@PreAuthorize("@access.canAdminister(#org)")
	void export(@PathVariable OrgId org, @ModelAttribute("filter") AuditFilterForm form,
			@RequestParam(required = false) String format, @RequestParam(required = false) String encoding,
			Principal principal, Locale locale, HttpServletResponse response) throws IOException {
		AuditExportFormat as = AuditExportFormat.of(format, encoding);
		AuditFilter filter = form.toFilter();
		String file = "mamori-audit-" + FILE_TIME.format(clock.instant().atZone(ClockConfiguration.JAPAN)) + "."
				+ as.extension();
		List<String> header = COLUMNS.stream().map(c -> message("audit.column." + c, locale)).toList();
		exportTrail.export(org, filter, principal.getName(), file, as.description(), as.maxRows(), (count, entries) -> {
			response.setContentType(as.contentType());
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file).build().toString());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			OutputStream out = response.getOutputStream();
			Stream<AuditRow> rows = entries.map(e -> row(e, locale));
			switch (as) {
				case CSV_UTF8 -> AuditCsv.write(out, false, header, rows);
				case CSV_CP932 -> AuditCsv.write(out, true, header, rows);
				case XLSX -> AuditWorkbook.write(out, message("audit.export.sheet", locale), header, rows);
			}
			out.flush();
		});
	}

	private AuditRow row(AuditEntry entry, Locale locale) {
		return AuditRow.of(entry, labels.label(entry.action(), locale));
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static String pageUrl(OrgId org, AuditFilterForm form, int page) {
		return link("/orgs/{org}/audit", org, form, Map.of("page", Integer.toString(page)));
	}

	private static String exportUrl(OrgId org, AuditFilterForm form, String format, String encoding) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("format", format);
		if (encoding != null) {
			params.put("encoding", encoding);
		}
		return link("/orgs/{org}/audit/export", org, form, params);
	}

	/** A link that keeps the filter; values go in as variables, so + & % stay literal. */
	private static String link(String path, OrgId org, AuditFilterForm form, Map<String, String> extra) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("from", form.from());
		params.put("to", form.to());
		params.put("actor", form.actor());
		params.put("action", form.action());
		params.put("q", form.q());
		params.putAll(extra);
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
		Map<String, String> values = new HashMap<>();
		values.put("org", org.toString());
		params.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				url.queryParam(name, "{" + name + "}");
				values.put(name, value.strip());
			}
		});
		return url.encode().buildAndExpand(values).toUriString();
	}

}
