package jp.mamori.accesslog.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.accesslog.AccessLogFinding;
import jp.mamori.accesslog.AccessLogFindings;
import jp.mamori.accesslog.AccessLogImportJobs;
import jp.mamori.accesslog.AccessLogQueries;
import jp.mamori.accesslog.AccessLogReviews;
import jp.mamori.accesslog.AnalyseAccessLogs;
import jp.mamori.accesslog.FindingState;
import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.accesslog.rule.DetectionRule;
import jp.mamori.accesslog.rule.DetectionRules;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerRow;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Access logs in the browser: upload several files at once (progress, then one summary
 * per file), the findings with drill-down to their events and triage, a per-day timeline,
 * the monthly review per log source (2-⑪), and the findings as Excel.
 */
@Controller
class AccessLogController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss")
		.withZone(ZoneId.of("Asia/Tokyo"));

	private final Organizations organizations;

	private final AccessLogQueries queries;

	private final AccessLogFindings findings;

	private final AccessLogReviews reviews;

	private final AccessLogImportJobs jobs;

	private final AnalyseAccessLogs analyser;

	private final jp.mamori.accesslog.AccessLogSettings settings;

	private final Map<String, String> ruleTitles = new LinkedHashMap<>();

	AccessLogController(Organizations organizations, AccessLogQueries queries, AccessLogFindings findings,
			AccessLogReviews reviews, AccessLogImportJobs jobs, AnalyseAccessLogs analyser,
			jp.mamori.accesslog.AccessLogSettings settings) {
		this.settings = settings;
		this.organizations = organizations;
		this.queries = queries;
		this.findings = findings;
		this.reviews = reviews;
		this.jobs = jobs;
		this.analyser = analyser;
		for (DetectionRule rule : DetectionRules.standard().all()) {
			ruleTitles.put(rule.id(), rule.title());
		}
	}

	@GetMapping("/orgs/{org}/logs")
	@PreAuthorize("@access.canView(#org)")
	String overview(@PathVariable OrgId org, @RequestParam(required = false) String state, Model model) {
		FindingState filter = state == null ? null : FindingState.fromCode(state).orElse(null);
		List<LedgerRow> sources = reviews.sources(org);
		Map<UUID, String> sourceNames = new LinkedHashMap<>();
		for (LedgerRow source : sources) {
			Object name = source.value("source");
			Object kind = source.value("logKind");
			sourceNames.put(source.id(), kind == null ? String.valueOf(name) : name + "（" + kind + "）");
		}
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("formats", LogFormat.values());
		model.addAttribute("sources", sourceNames);
		model.addAttribute("imports", queries.imports(org));
		model.addAttribute("eventCount", queries.eventCount(org));
		model.addAttribute("timeline", queries.timeline(org));
		model.addAttribute("findings", findings.list(org, filter));
		model.addAttribute("state", filter);
		model.addAttribute("states", FindingState.values());
		model.addAttribute("ruleTitles", ruleTitles);
		model.addAttribute("reviews", reviews.list(org));
		model.addAttribute("time", TIME);
		model.addAttribute("settings", settings.of(org));
		model.addAttribute("weekDays", java.time.DayOfWeek.values());
		return "accesslog/logs";
	}

	@PostMapping("/orgs/{org}/logs/imports")
	@PreAuthorize("@access.canEdit(#org)")
	String upload(@PathVariable OrgId org, @RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(required = false) String sourceId, @RequestParam(required = false) String format,
			Principal principal, RedirectAttributes redirect) throws IOException {
		List<AccessLogImportJobs.PendingFile> pending = new ArrayList<>();
		try {
			UUID source = sourceId == null || sourceId.isBlank() ? null : parseUuid(sourceId);
			LogFormat chosen = format == null || format.isBlank() || "auto".equals(format) ? null
					: LogFormat.ofId(format).orElseThrow(() -> new BadInputException("ログの形式を選び直してください"));
			for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
				if (file.isEmpty()) {
					continue;
				}
				Path temp = AccessLogImportJobs.newUploadFile();
				try (InputStream in = file.getInputStream()) {
					Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
				}
				pending.add(new AccessLogImportJobs.PendingFile(cleanName(file.getOriginalFilename()), temp,
						Files.size(temp)));
			}
			UUID job = jobs.start(org, source, chosen, pending, principal.getName());
			return "redirect:/orgs/" + org + "/logs/jobs/" + job;
		}
		catch (BadInputException ex) {
			for (AccessLogImportJobs.PendingFile file : pending) {
				Files.deleteIfExists(file.path());
			}
			redirect.addFlashAttribute("logError", ex.getMessage());
			return "redirect:/orgs/" + org + "/logs";
		}
	}

	@GetMapping("/orgs/{org}/logs/jobs/{job}")
	@PreAuthorize("@access.canView(#org)")
	String job(@PathVariable OrgId org, @PathVariable UUID job,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("job",
				jobs.find(org, job).orElseThrow(() -> new jp.mamori.shared.NotFoundException("取り込みの進み具合が見つかりません")));
		model.addAttribute("time", TIME);
		return htmx != null ? "accesslog/job :: status" : "accesslog/job";
	}

	@PostMapping("/orgs/{org}/logs/settings")
	@PreAuthorize("@access.canEdit(#org)")
	String settings(@PathVariable OrgId org, @RequestParam(required = false) String businessStart,
			@RequestParam(required = false) String businessEnd,
			@RequestParam(name = "businessDays", required = false) List<String> businessDays,
			@RequestParam(required = false) Integer bruteForceFailures,
			@RequestParam(required = false) Integer bruteForceMinutes,
			@RequestParam(required = false) Integer sprayAccounts, @RequestParam(required = false) Integer sprayMinutes,
			@RequestParam(required = false) Integer sqlFailures, Principal principal, RedirectAttributes redirect) {
		try {
			java.util.Set<java.time.DayOfWeek> days = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
			for (String day : businessDays == null ? List.<String>of() : businessDays) {
				try {
					days.add(java.time.DayOfWeek.valueOf(day));
				}
				catch (IllegalArgumentException ex) {
					throw new BadInputException("業務日を選び直してください");
				}
			}
			settings.save(org, businessStart, businessEnd, days, bruteForceFailures, bruteForceMinutes, sprayAccounts,
					sprayMinutes, sqlFailures, principal.getName());
			int found = analyser.analyse(org).size();
			redirect.addFlashAttribute("settingsNotice", found);
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("settingsError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/logs#settings";
	}

	@PostMapping("/orgs/{org}/logs/analyse")
	@PreAuthorize("@access.canEdit(#org)")
	String analyse(@PathVariable OrgId org, RedirectAttributes redirect) {
		int found = analyser.analyse(org).size();
		redirect.addFlashAttribute("logNotice", found);
		return "redirect:/orgs/" + org + "/logs#findings";
	}

	@GetMapping("/orgs/{org}/logs/findings/{id}")
	@PreAuthorize("@access.canView(#org)")
	String finding(@PathVariable OrgId org, @PathVariable UUID id, Model model) {
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("finding", findings.require(org, id));
		model.addAttribute("events", findings.evidence(org, id));
		model.addAttribute("comments", findings.comments(org, id));
		model.addAttribute("states", FindingState.values());
		model.addAttribute("ruleTitles", ruleTitles);
		model.addAttribute("time", TIME);
		return "accesslog/finding";
	}

	@PostMapping("/orgs/{org}/logs/findings/{id}/triage")
	@PreAuthorize("@access.canEdit(#org)")
	String triage(@PathVariable OrgId org, @PathVariable UUID id,
			@RequestParam(required = false) Integer expectedVersion, @RequestParam(required = false) String state,
			@RequestParam(required = false) String comment, Principal principal, RedirectAttributes redirect) {
		try {
			if (expectedVersion == null) {
				throw new BadInputException("画面を開き直してから、もう一度変更してください");
			}
			FindingState newState = FindingState.fromCode(state == null ? "" : state)
				.orElseThrow(() -> new BadInputException("状態を選んでください"));
			findings.triage(org, id, expectedVersion, newState, comment, principal.getName());
			redirect.addFlashAttribute("findingNotice", true);
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("findingError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/logs/findings/" + id;
	}

	@PostMapping("/orgs/{org}/logs/reviews")
	@PreAuthorize("@access.canEdit(#org)")
	String review(@PathVariable OrgId org, @RequestParam(required = false) String sourceId,
			@RequestParam(required = false) String period,
			@RequestParam(name = "acknowledge", required = false) List<String> acknowledge,
			@RequestParam(required = false) String comment, Principal principal, RedirectAttributes redirect) {
		try {
			List<UUID> ids = new ArrayList<>();
			for (String value : acknowledge == null ? List.<String>of() : acknowledge) {
				ids.add(parseUuid(value));
			}
			reviews.record(org, sourceId == null || sourceId.isBlank() ? null : parseUuid(sourceId), period, ids,
					comment, principal.getName());
			redirect.addFlashAttribute("reviewNotice", true);
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("reviewError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/logs#reviews";
	}

	@GetMapping("/orgs/{org}/logs/findings.xlsx")
	@PreAuthorize("@access.canView(#org)")
	ResponseEntity<byte[]> export(@PathVariable OrgId org) throws IOException {
		List<AccessLogFinding> all = findings.list(org, null);
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("検出結果");
			String[] headers = { "重要度", "ルール", "内容", "件数", "アカウント", "送信元", "ホスト", "最初(JST)", "最後(JST)", "状態", "要約" };
			Row head = sheet.createRow(0);
			for (int i = 0; i < headers.length; i++) {
				head.createCell(i).setCellValue(headers[i]);
			}
			int r = 1;
			for (AccessLogFinding f : all) {
				Row row = sheet.createRow(r++);
				// every value is written as a string cell: Excel never evaluates it as a
				// formula
				String[] cells = { f.severity().label(), f.rule(), ruleTitles.getOrDefault(f.rule(), f.rule()),
						Long.toString(f.count()), String.join(", ", f.accounts()), String.join(", ", f.sources()),
						String.join(", ", f.hosts()), f.first() == null ? "" : TIME.format(f.first()),
						f.last() == null ? "" : TIME.format(f.last()), stateLabel(f.state()), f.summary() };
				for (int i = 0; i < cells.length; i++) {
					row.createCell(i).setCellValue(cells[i]);
				}
			}
			workbook.write(out);
			workbook.dispose();
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename("log-findings.xlsx", java.nio.charset.StandardCharsets.UTF_8)
							.build()
							.toString())
				.contentType(
						MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(out.toByteArray());
		}
	}

	private static String stateLabel(FindingState state) {
		return switch (state) {
			case NEW -> "未確認";
			case CONFIRMED -> "確認済み";
			case IN_PROGRESS -> "対応中";
			case FALSE_POSITIVE -> "誤検知";
		};
	}

	private static UUID parseUuid(String value) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new BadInputException("選んだ項目が正しくありません。画面を開き直してください");
		}
	}

	private static String cleanName(String name) {
		if (name == null || name.isBlank()) {
			return "log";
		}
		// browsers may send a full path: keep the file's own name only
		String clean = name.replace('\\', '/');
		return clean.substring(clean.lastIndexOf('/') + 1);
	}

}
