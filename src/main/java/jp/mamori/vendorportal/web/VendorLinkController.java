package jp.mamori.vendorportal.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.mamori.organization.Organization;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.vendorportal.VendorLink;
import jp.mamori.vendorportal.VendorLinks;
import jp.mamori.vendorportal.VendorProposal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client side of vendor contracts: the links to vendor organisations (contract
 * number, systems covered), made and removed by the client's administrators, and the
 * vendors' proposed ledger changes, approved or rejected by its editors.
 */
@Controller
class VendorLinkController {

	private final VendorLinks links;

	VendorLinkController(VendorLinks links) {
		this.links = links;
	}

	@GetMapping("/orgs/{org}/vendor-links")
	@PreAuthorize("@access.canView(#org)")
	String list(@PathVariable OrgId org, Model model) {
		List<VendorLink> list = links.ofClient(org);
		List<Organization> vendors = links.vendors();
		Map<String, String> names = vendors.stream()
			.collect(Collectors.toMap(o -> o.id().toString(), Organization::name));
		List<VendorProposal> proposals = links.proposalsOfClient(org);
		list.forEach(l -> names.computeIfAbsent(l.vendor().toString(), v -> links.name(l.vendor())));
		proposals.forEach(p -> names.computeIfAbsent(p.vendor().toString(), v -> links.name(p.vendor())));
		model.addAttribute("org", org);
		model.addAttribute("links", list);
		model.addAttribute("vendors", vendors);
		model.addAttribute("vendorNames", names);
		model.addAttribute("systemNames", links.systemNames(org));
		model.addAttribute("proposals", proposals);
		return "vendorportal/links";
	}

	@PostMapping("/orgs/{org}/vendor-links")
	@PreAuthorize("@access.canAdminister(#org)")
	String link(@PathVariable OrgId org, @RequestParam(required = false) String vendor,
			@RequestParam(required = false) List<String> systems, @RequestParam(required = false) String contractNumber,
			@RequestParam(required = false) String emergencyContact, Principal principal, RedirectAttributes redirect) {
		try {
			links.link(org, vendor, systems, contractNumber, emergencyContact, principal.getName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("linkError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/vendor-links";
	}

	@PostMapping("/orgs/{org}/vendor-links/{id}/delete")
	@PreAuthorize("@access.canAdminister(#org)")
	String unlink(@PathVariable OrgId org, @PathVariable UUID id, Principal principal) {
		links.unlink(org, id, principal.getName());
		return "redirect:/orgs/" + org + "/vendor-links";
	}

	@PostMapping("/orgs/{org}/vendor-links/proposals/{id}/approve")
	@PreAuthorize("@access.canEdit(#org)")
	String approve(@PathVariable OrgId org, @PathVariable UUID id, @RequestParam(required = false) String comment,
			Principal principal, RedirectAttributes redirect) {
		try {
			links.approve(org, id, comment, principal.getName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("proposalError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/vendor-links";
	}

	@PostMapping("/orgs/{org}/vendor-links/proposals/{id}/reject")
	@PreAuthorize("@access.canEdit(#org)")
	String reject(@PathVariable OrgId org, @PathVariable UUID id, @RequestParam(required = false) String comment,
			Principal principal, RedirectAttributes redirect) {
		try {
			links.reject(org, id, comment, principal.getName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("proposalError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/vendor-links";
	}

}
