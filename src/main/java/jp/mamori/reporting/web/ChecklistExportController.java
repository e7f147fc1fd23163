package jp.mamori.reporting.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jp.mamori.reporting.ChecklistExport;
import jp.mamori.reporting.ExportFormat;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Downloads of the official checklist form: the browser link and the REST API return the
 * same bytes. {@code ?round=N&format=xlsx|pdf}; a round the assessment does not have or
 * an unknown format is a 400 with the Japanese reason.
 */
@Controller
class ChecklistExportController {

	private final ChecklistExport export;

	ChecklistExportController(ChecklistExport export) {
		this.export = export;
	}

	@GetMapping("/orgs/{org}/assessments/{id}/export")
	@PreAuthorize("@access.canView(#org)")
	ResponseEntity<byte[]> download(@PathVariable OrgId org, @PathVariable UUID id,
			@RequestParam(required = false) String round, @RequestParam(required = false) String format,
			Principal principal) {
		return file(org, id, round, format, principal);
	}

	@GetMapping("/api/v1/orgs/{org}/assessments/{id}/export")
	@PreAuthorize("@access.canView(#org)")
	ResponseEntity<byte[]> api(@PathVariable OrgId org, @PathVariable UUID id,
			@RequestParam(required = false) String round, @RequestParam(required = false) String format,
			Principal principal) {
		return file(org, id, round, format, principal);
	}

	private ResponseEntity<byte[]> file(OrgId org, UUID id, String roundParam, String formatParam,
			Principal principal) {
		ExportFormat format = ExportFormat.fromCode(formatParam);
		int round = round(roundParam);
		byte[] content = export.export(org, id, round, format, principal.getName());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					attachment(export.fileName(org, id, round, format),
							export.japaneseFileName(org, id, round, format)))
			.contentLength(content.length)
			.body(content);
	}

	static int round(String round) {
		if (round == null || round.isBlank()) {
			throw new BadInputException("確認の回（round=1 など）を指定してください");
		}
		try {
			return Integer.parseInt(round.strip());
		}
		catch (NumberFormatException ex) {
			throw new BadInputException("確認の回は数字で指定してください（例: round=1）: " + round);
		}
	}

	/** {@code attachment; filename="ascii"; filename*=UTF-8''…} (RFC 6266 / RFC 5987). */
	static String attachment(String asciiName, String name) {
		return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + rfc5987(name);
	}

	static String rfc5987(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

	// handled here because this controller answers both pages and the REST API with the
	// same methods
	@ExceptionHandler(BadInputException.class)
	ResponseEntity<?> badInput(BadInputException ex, HttpServletRequest request) {
		return error(HttpStatus.BAD_REQUEST, ex.getMessage(), request);
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<?> notFound(NotFoundException ex, HttpServletRequest request) {
		return error(HttpStatus.NOT_FOUND, ex.getMessage(), request);
	}

	record ErrorBody(List<FieldViolation> errors) {
	}

	static ResponseEntity<?> error(HttpStatus status, String message, HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ResponseEntity.status(status)
				.contentType(MediaType.APPLICATION_JSON)
				.body(new ErrorBody(List.of(new FieldViolation(null, message))));
		}
		return ResponseEntity.status(status)
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(message);
	}

}
