package jp.mamori.reporting.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;

import jp.mamori.reporting.EvidencePack;
import jp.mamori.reporting.IncidentBinder;
import jakarta.servlet.http.HttpServletRequest;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The organisation's reports page ({@code /orgs/{org}/reports}): the evidence pack of a
 * 年度 and the incident binder, with a reminder when the binder's data changed since its
 * last print; the same downloads under {@code /api/v1}.
 */
@Controller
class ReportsController {

	private final EvidencePack evidencePack;

	private final IncidentBinder binder;

	private final Clock clock;

	ReportsController(EvidencePack evidencePack, IncidentBinder binder, Clock clock) {
		this.evidencePack = evidencePack;
		this.binder = binder;
		this.clock = clock;
	}

	@GetMapping("/orgs/{org}/reports")
	@PreAuthorize("@access.canView(#org)")
	String page(@PathVariable OrgId org, Model model) {
		model.addAttribute("org", org);
		model.addAttribute("fiscalYear", FiscalYear.containing(LocalDate.now(clock)).startYear());
		IncidentBinder.Status status = binder.status(org);
		model.addAttribute("binder", status);
		model.addAttribute("lastPrinted",
				status.lastPrinted().map(at -> EvidencePack.generatedAt(at.atZone(clock.getZone()))).orElse(null));
		return "reporting/reports";
	}

	@GetMapping({ "/orgs/{org}/evidence-pack", "/api/v1/orgs/{org}/evidence-pack" })
	@PreAuthorize("@access.canView(#org)")
	ResponseEntity<StreamingResponseBody> evidencePack(@PathVariable OrgId org,
			@RequestParam(name = "fy", required = false) String fy, Principal principal) {
		int year = fiscalYear(fy);
		// checked before streaming starts: a 400 cannot be sent once the ZIP is under way
		evidencePack.requireAssessments(org, year);
		String by = principal.getName();
		StreamingResponseBody body = out -> evidencePack.write(org, year, out, by);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ChecklistExportController.attachment(EvidencePack.fileName(year),
							evidencePack.japaneseFileName(org, year)))
			.body(body);
	}

	@GetMapping({ "/orgs/{org}/incident-binder", "/api/v1/orgs/{org}/incident-binder" })
	@PreAuthorize("@access.canView(#org)")
	ResponseEntity<byte[]> incidentBinder(@PathVariable OrgId org, Principal principal) {
		byte[] content = binder.print(org, principal.getName());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ChecklistExportController.attachment(IncidentBinder.fileName(), binder.japaneseFileName(org)))
			.contentLength(content.length)
			.body(content);
	}

	// handled here because the same methods answer pages and the REST API
	@ExceptionHandler(BadInputException.class)
	ResponseEntity<?> badInput(BadInputException ex, HttpServletRequest request) {
		return ChecklistExportController.error(HttpStatus.BAD_REQUEST, ex.getMessage(), request);
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<?> notFound(NotFoundException ex, HttpServletRequest request) {
		return ChecklistExportController.error(HttpStatus.NOT_FOUND, ex.getMessage(), request);
	}

	private int fiscalYear(String fy) {
		if (fy == null || fy.isBlank()) {
			return FiscalYear.containing(LocalDate.now(clock)).startYear();
		}
		try {
			return Integer.parseInt(fy.strip());
		}
		catch (NumberFormatException ex) {
			throw new BadInputException("年度は開始年の数字で指定してください（例: fy=2025）: " + fy);
		}
	}

}
