package jp.mamori.identity.web;

import java.security.Principal;
import java.util.UUID;

import jp.mamori.identity.Invitations;
import jp.mamori.identity.OrgAccess;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An organisation's members: roles, removal, deactivation, and invitations by one-time
 * link (the administrator copies the link; no mail server is needed).
 */
@Controller
@RequestMapping("/orgs/{org}/members")
class MembersController {

	private final UserAccounts users;

	private final Invitations invitations;

	private final Organizations organizations;

	private final OrgAccess access;

	MembersController(UserAccounts users, Invitations invitations, Organizations organizations, OrgAccess access) {
		this.users = users;
		this.invitations = invitations;
		this.organizations = organizations;
		this.access = access;
	}

	@GetMapping
	@PreAuthorize("@access.canAdminister(#org)")
	String members(@PathVariable OrgId org, Model model) {
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("members", users.members(org));
		model.addAttribute("invitations", invitations.list(org));
		model.addAttribute("roles", OrgRole.values());
		return "identity/members";
	}

	@PostMapping("/invitations")
	@PreAuthorize("@access.canAdminister(#org)")
	String invite(@PathVariable OrgId org, @RequestParam String role, Principal principal,
			RedirectAttributes redirect) {
		try {
			var created = invitations.invite(org, OrgRole.require(role), principal.getName());
			String link = ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/invitations/{token}")
				.buildAndExpand(created.token())
				.toUriString();
			redirect.addFlashAttribute("invitationLink", link);
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("memberError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/members";
	}

	@PostMapping("/invitations/{id}/revoke")
	@PreAuthorize("@access.canAdminister(#org)")
	String revokeInvitation(@PathVariable OrgId org, @PathVariable UUID id, Principal principal) {
		invitations.revoke(org, id, principal.getName());
		return "redirect:/orgs/" + org + "/members";
	}

	@PostMapping("/{username}/role")
	@PreAuthorize("@access.canAdminister(#org)")
	String changeRole(@PathVariable OrgId org, @PathVariable String username, @RequestParam String role,
			Principal principal, RedirectAttributes redirect) {
		return act(org, redirect, () -> users.changeRole(org, username, OrgRole.require(role), principal.getName()));
	}

	@PostMapping("/{username}/remove")
	@PreAuthorize("@access.canAdminister(#org)")
	String remove(@PathVariable OrgId org, @PathVariable String username, Principal principal,
			RedirectAttributes redirect) {
		return act(org, redirect, () -> users.removeMember(org, username, principal.getName()));
	}

	@PostMapping("/{username}/deactivate")
	@PreAuthorize("@access.canAdminister(#org)")
	String deactivate(@PathVariable OrgId org, @PathVariable String username, Principal principal,
			RedirectAttributes redirect) {
		return act(org, redirect, () -> users.deactivate(org, username, principal.getName(), access.isSystemAdmin()));
	}

	private String act(OrgId org, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("memberNotice", "members.notice.done");
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("memberError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/members";
	}

}
