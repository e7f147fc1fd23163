package jp.mamori.identity.web;

import java.security.Principal;

import jp.mamori.identity.Invitations;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * システム管理者: create an organisation (e.g. a vendor or group running Mamori for many sites)
 * and get an invitation link for its first administrator.
 */
@Controller
class OrganizationsAdminController {

	private final Organizations organizations;

	private final Invitations invitations;

	OrganizationsAdminController(Organizations organizations, Invitations invitations) {
		this.organizations = organizations;
		this.invitations = invitations;
	}

	@GetMapping("/admin/organizations")
	@PreAuthorize("@access.isSystemAdmin()")
	String list(Model model) {
		model.addAttribute("organizations", organizations.findAllOrderedByName());
		model.addAttribute("kinds", OrgKind.values());
		return "identity/organizations";
	}

	@PostMapping("/admin/organizations")
	@PreAuthorize("@access.isSystemAdmin()")
	String create(@RequestParam String name, @RequestParam String kind, Principal principal,
			RedirectAttributes redirect) {
		try {
			var org = organizations.create(name, OrgKind.require(kind), principal.getName());
			var created = invitations.invite(org.id(), OrgRole.ADMIN, principal.getName());
			redirect.addFlashAttribute("invitationLink",
					ServletUriComponentsBuilder.fromCurrentContextPath()
						.path("/invitations/{token}")
						.buildAndExpand(created.token())
						.toUriString());
			redirect.addFlashAttribute("createdName", org.name());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("orgError", ex.getMessage());
		}
		return "redirect:/admin/organizations";
	}

}
