package jp.mamori.evidence.web;

import java.io.IOException;
import java.security.Principal;
import java.util.UUID;

import jp.mamori.evidence.EvidenceFiles;
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
 * Files kept with a ledger row: the MDS/SDS a vendor sent, the approved 運用管理規程, a drill
 * report, a screenshot of a setting. The row page loads the list as an htmx fragment.
 */
@Controller
@RequestMapping("/orgs/{org}/ledgers/{ledger}/rows/{id}/files")
class LedgerRowFilesController {

	static final String OWNER_TYPE = "ledger-row";

	private final EvidenceFiles files;

	private final Ledgers ledgers;

	private final LedgerStore store;

	LedgerRowFilesController(EvidenceFiles files, Ledgers ledgers, LedgerStore store) {
		this.files = files;
		this.ledgers = ledgers;
		this.store = store;
	}

	@GetMapping
	@PreAuthorize("@access.canView(#org)")
	String list(@PathVariable OrgId org, @PathVariable String ledger, @PathVariable UUID id, Model model) {
		requireRow(org, ledger, id);
		model.addAttribute("orgId", org);
		model.addAttribute("ledgerId", ledger);
		model.addAttribute("rowId", id);
		model.addAttribute("files", files.linkedTo(org, OWNER_TYPE, ledger + "/" + id));
		model.addAttribute("maxMegabytes", files.maxBytes() / (1024 * 1024));
		return "evidence/row-files :: files";
	}

	@PostMapping
	@PreAuthorize("@access.canEdit(#org)")
	String upload(@PathVariable OrgId org, @PathVariable String ledger, @PathVariable UUID id,
			@RequestParam("file") MultipartFile file, Principal principal, RedirectAttributes redirect)
			throws IOException {
		requireRow(org, ledger, id);
		try {
			var stored = files.store(org, file.getOriginalFilename(), file.getBytes(), OWNER_TYPE, ledger + "/" + id,
					principal.getName());
			redirect.addFlashAttribute("uploaded", stored.fileName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("uploadError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/ledgers/" + ledger + "/rows/" + id;
	}

	private void requireRow(OrgId org, String ledger, UUID id) {
		LedgerDefinition definition = ledgers.require(ledger);
		store.find(definition, org, id).orElseThrow(() -> new NotFoundException("行が見つかりません"));
	}

}
