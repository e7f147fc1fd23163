package jp.mamori.reporting.web;

import java.util.Locale;
import java.util.UUID;

import jp.mamori.reporting.ManagementSummary;
import jp.mamori.shared.OrgId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The management one-pager (経営層向け) of an assessment: a print-friendly page and the same
 * content as a one-page A4 PDF.
 */
@Controller
class ManagementSummaryController {

	private final ManagementSummary summary;

	ManagementSummaryController(ManagementSummary summary) {
		this.summary = summary;
	}

	@GetMapping("/orgs/{org}/assessments/{id}/summary")
	@PreAuthorize("@access.canView(#org)")
	String page(@PathVariable OrgId org, @PathVariable UUID id, Model model) {
		model.addAttribute("s", summary.summarize(org, id));
		return "reporting/summary";
	}

	@GetMapping("/orgs/{org}/assessments/{id}/summary.pdf")
	@PreAuthorize("@access.canView(#org)")
	ResponseEntity<byte[]> pdf(@PathVariable OrgId org, @PathVariable UUID id, Locale locale) {
		byte[] content = summary.pdf(org, id, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ChecklistExportController.attachment(summary.fileName(org, id), summary.japaneseFileName(org, id)))
			.contentLength(content.length)
			.body(content);
	}

}
