package jp.mamori.organization.web;

import java.security.Principal;
import java.util.UUID;

import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation page: its vendor contracts (事業者との契約). Whether any is recorded decides
 * if 2-②/③ need an answer or are 記入不要.
 */
@Controller
@RequestMapping("/orgs/{org}/settings")
class OrganizationController {

	private final Organizations organizations;

	OrganizationController(Organizations organizations) {
		this.organizations = organizations;
	}

	@GetMapping
	@PreAuthorize("@access.canView(#org)")
	String settings(@PathVariable OrgId org, Model model) {
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("contracts", organizations.contracts(org));
		return "organization/settings";
	}

	@PostMapping("/contracts")
	@PreAuthorize("@access.canEdit(#org)")
	String addContract(@PathVariable OrgId org, @RequestParam String vendorName,
			@RequestParam(required = false) String systemName, Principal principal, RedirectAttributes redirect) {
		try {
			organizations.addContract(org, vendorName, systemName, principal.getName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("contractError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/settings";
	}

	@PostMapping("/contracts/{contractId}/delete")
	@PreAuthorize("@access.canEdit(#org)")
	String removeContract(@PathVariable OrgId org, @PathVariable UUID contractId, Principal principal,
			RedirectAttributes redirect) {
		try {
			organizations.removeContract(org, contractId, principal.getName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("contractError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/settings";
	}

}
