package jp.mamori.assessment.web;

import java.io.IOException;
import java.security.Principal;
import java.util.UUID;

import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.assessment.AssessmentView;
import jp.mamori.assessment.LedgerEvidence;
import jp.mamori.evidence.EvidenceFiles;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One item: published text, scope, 参考, our guidance, answers per round and its evidence
 * files.
 */
@Controller
@RequestMapping("/orgs/{org}/assessments/{id}/items/{itemId}")
class ItemController {

	static final String OWNER_TYPE = "assessment-item";

	private final AssessmentQueries queries;

	private final EvidenceFiles evidence;

	private final Organizations organizations;

	private final LedgerEvidence ledgerEvidence;

	private final Ledgers ledgers;

	private final LedgerStore store;

	ItemController(AssessmentQueries queries, EvidenceFiles evidence, Organizations organizations,
			LedgerEvidence ledgerEvidence, Ledgers ledgers, LedgerStore store) {
		this.queries = queries;
		this.evidence = evidence;
		this.organizations = organizations;
		this.ledgerEvidence = ledgerEvidence;
		this.ledgers = ledgers;
		this.store = store;
	}

	static String ownerRef(UUID assessment, String itemId) {
		return assessment + "/" + itemId;
	}

	@GetMapping
	@PreAuthorize("@access.canView(#org)")
	String item(@PathVariable OrgId org, @PathVariable UUID id, @PathVariable String itemId, Model model) {
		AssessmentView view = queries.view(org, id);
		var row = view.row(itemId).orElseThrow(() -> new NotFoundException("項目が見つかりません: " + itemId));
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("view", view);
		model.addAttribute("row", row);
		model.addAttribute("files", evidence.linkedTo(org, OWNER_TYPE, ownerRef(id, itemId)));
		model.addAttribute("maxMegabytes", evidence.maxBytes() / (1024 * 1024));
		model.addAttribute("linkedRows", ledgerEvidence.linked(org, id, itemId));
		model.addAttribute("ledgers", ledgers.all());
		return "assessment/item";
	}

	/**
	 * The rows of one ledger as options for the link form (htmx swaps them in when a
	 * ledger is chosen).
	 */
	@GetMapping("/ledger-rows")
	@PreAuthorize("@access.canView(#org)")
	String ledgerRows(@PathVariable OrgId org, @PathVariable UUID id, @PathVariable String itemId,
			@RequestParam String ledger, Model model) {
		LedgerDefinition definition = ledgers.require(ledger);
		model.addAttribute("rowOptions",
				store.list(definition, org, 0, 1000)
					.stream()
					.map(r -> new RowOption(r.id(), String.valueOf(r.value(definition.labelColumn().key()))))
					.toList());
		return "assessment/item :: rowOptions";
	}

	/** A ledger row offered for linking. */
	record RowOption(UUID id, String label) {
	}

	@PostMapping("/ledger-links")
	@PreAuthorize("@access.canEdit(#org)")
	String link(@PathVariable OrgId org, @PathVariable UUID id, @PathVariable String itemId,
			@RequestParam String ledger, @RequestParam UUID rowId, Principal principal) {
		ledgerEvidence.link(org, id, itemId, ledger, rowId, principal.getName());
		return "redirect:/orgs/" + org + "/assessments/" + id + "/items/" + itemId + "#ledger-evidence";
	}

	@PostMapping("/ledger-links/remove")
	@PreAuthorize("@access.canEdit(#org)")
	String unlink(@PathVariable OrgId org, @PathVariable UUID id, @PathVariable String itemId,
			@RequestParam String ledger, @RequestParam UUID rowId, Principal principal) {
		ledgerEvidence.unlink(org, id, itemId, ledger, rowId, principal.getName());
		return "redirect:/orgs/" + org + "/assessments/" + id + "/items/" + itemId + "#ledger-evidence";
	}

	@PostMapping("/evidence")
	@PreAuthorize("@access.canEdit(#org)")
	String upload(@PathVariable OrgId org, @PathVariable UUID id, @PathVariable String itemId,
			@RequestParam("file") MultipartFile file, Principal principal, RedirectAttributes redirect)
			throws IOException {
		AssessmentView view = queries.view(org, id);
		view.row(itemId).orElseThrow(() -> new NotFoundException("項目が見つかりません: " + itemId));
		try {
			var stored = evidence.store(org, file.getOriginalFilename(), file.getBytes(), OWNER_TYPE,
					ownerRef(id, itemId), principal.getName());
			redirect.addFlashAttribute("uploaded", stored.fileName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("uploadError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/assessments/" + id + "/items/" + itemId;
	}

}
