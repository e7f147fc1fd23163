package jp.mamori.vendorportal.web;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.vendorportal.ClientDocument;
import jp.mamori.vendorportal.MdsSdsSection;
import jp.mamori.vendorportal.ReviewResult;
import jp.mamori.vendorportal.VendorDocuments;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The client side of MDS/SDS: the current document of each product its vendors named for
 * its requests, the download, and the per-section review.
 */
@Controller
class ClientDocumentController {

	private final VendorDocuments documents;

	ClientDocumentController(VendorDocuments documents) {
		this.documents = documents;
	}

	@GetMapping("/orgs/{org}/vendor-documents")
	@PreAuthorize("@access.canView(#org)")
	String list(@PathVariable OrgId org, Model model) {
		model.addAttribute("org", org);
		model.addAttribute("documents", documents.forClient(org));
		return "vendorportal/client-documents";
	}

	@GetMapping("/orgs/{org}/vendor-documents/{id}")
	@PreAuthorize("@access.canView(#org)")
	String show(@PathVariable OrgId org, @PathVariable UUID id, Model model) {
		ClientDocument document = documents.requireCurrentForClient(org, id);
		Map<String, String> results = new HashMap<>();
		Map<String, String> comments = new HashMap<>();
		if (document.review() != null) {
			document.review().sections().values().forEach(s -> {
				results.put(s.sectionId(), s.result().code());
				comments.put(s.sectionId(), s.comment());
			});
		}
		return page(org, document, results, comments, List.of(), model);
	}

	@PostMapping("/orgs/{org}/vendor-documents/{id}")
	@PreAuthorize("@access.canEdit(#org)")
	String review(@PathVariable OrgId org, @PathVariable UUID id, @RequestParam Map<String, String> params,
			Principal principal, Model model) {
		Map<String, String> results = new HashMap<>();
		Map<String, String> comments = new HashMap<>();
		for (MdsSdsSection section : documents.sections()) {
			results.put(section.id(), params.get("result-" + section.id()));
			comments.put(section.id(), params.get("comment-" + section.id()));
		}
		try {
			documents.review(org, id, results, comments, principal.getName());
		}
		catch (InvalidInputException ex) {
			return page(org, documents.requireCurrentForClient(org, id), results, comments, ex.violations(), model);
		}
		return "redirect:/orgs/" + org + "/vendor-documents/" + id;
	}

	@GetMapping("/orgs/{org}/vendor-documents/{id}/file")
	@PreAuthorize("@access.canView(#org)")
	ResponseEntity<byte[]> download(@PathVariable OrgId org, @PathVariable UUID id) {
		return documents.contentForClient(org, id).asAttachment();
	}

	private String page(OrgId org, ClientDocument document, Map<String, String> results, Map<String, String> comments,
			List<FieldViolation> violations, Model model) {
		model.addAttribute("org", org);
		model.addAttribute("document", document);
		model.addAttribute("sections", documents.sections());
		model.addAttribute("results", results);
		model.addAttribute("comments", comments);
		model.addAttribute("choices", ReviewResult.values());
		model.addAttribute("violations", violations);
		return "vendorportal/client-document";
	}

}
