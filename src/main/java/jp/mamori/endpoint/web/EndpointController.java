package jp.mamori.endpoint.web;

import java.io.IOException;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import jp.mamori.endpoint.EndpointQueries;
import jp.mamori.endpoint.ImportCollectorFiles;
import jp.mamori.endpoint.facts.CollectorScript;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 端末の収集データ in the browser: how to run the collector (with the script to download), the
 * upload of collector files with a per-file report, the list of machines with their
 * findings count, and one machine's software, services, accounts, facts and findings.
 */
@Controller
class EndpointController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm")
		.withZone(ZoneId.of("Asia/Tokyo"));

	private final Organizations organizations;

	private final ImportCollectorFiles importer;

	private final EndpointQueries queries;

	EndpointController(Organizations organizations, ImportCollectorFiles importer, EndpointQueries queries) {
		this.organizations = organizations;
		this.importer = importer;
		this.queries = queries;
	}

	@GetMapping("/orgs/{org}/endpoints")
	@PreAuthorize("@access.canView(#org)")
	String overview(@PathVariable OrgId org, Model model) {
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("machines", queries.machines(org));
		model.addAttribute("time", TIME);
		return "endpoint/endpoints";
	}

	@PostMapping("/orgs/{org}/endpoints")
	@PreAuthorize("@access.canEdit(#org)")
	String upload(@PathVariable OrgId org, @RequestParam(name = "files", required = false) List<MultipartFile> files,
			Principal principal, RedirectAttributes redirect) throws IOException {
		try {
			redirect.addFlashAttribute("report", importer.importFiles(org, Uploads.of(files), principal.getName()));
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("endpointError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/endpoints";
	}

	@GetMapping("/orgs/{org}/endpoints/script")
	@PreAuthorize("@access.canView(#org)")
	ResponseEntity<byte[]> script(@PathVariable OrgId org) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(CollectorScript.FILE_NAME).build().toString())
			.body(CollectorScript.bytes());
	}

	@GetMapping("/orgs/{org}/endpoints/{id}")
	@PreAuthorize("@access.canView(#org)")
	String machine(@PathVariable OrgId org, @PathVariable UUID id, Model model) {
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("machine", queries.require(org, id));
		model.addAttribute("facts", queries.facts(org, id).orElse(null));
		model.addAttribute("software", queries.software(org, id));
		model.addAttribute("services", queries.services(org, id));
		model.addAttribute("accounts", queries.accounts(org, id));
		model.addAttribute("findings", queries.findings(org, id));
		model.addAttribute("time", TIME);
		return "endpoint/machine";
	}

}
