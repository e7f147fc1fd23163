package jp.mamori.identity.web;

import java.security.Principal;

import jp.mamori.identity.OrganizationSecurity;
import jp.mamori.identity.TwoFactor;
import jp.mamori.identity.TwoFactorRefusedException;
import jp.mamori.organization.Organizations;
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
 * An organisation's login security, for its administrators: require two-factor
 * authentication of every member, see who has it, and reset a member's authenticator
 * (lost phone). Not through API tokens: these weaken or strengthen every member's login.
 */
@Controller
@RequestMapping("/orgs/{org}/security")
class OrganizationSecurityController {

	static final String ADMINISTRATOR = "@access.canAdminister(#org) and !hasRole('API')";

	private final OrganizationSecurity security;

	private final TwoFactor twoFactor;

	private final Organizations organizations;

	OrganizationSecurityController(OrganizationSecurity security, TwoFactor twoFactor, Organizations organizations) {
		this.security = security;
		this.twoFactor = twoFactor;
		this.organizations = organizations;
	}

	@GetMapping
	@PreAuthorize(ADMINISTRATOR)
	String page(@PathVariable OrgId org, Principal principal, Model model) {
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("requireTwoFactor", security.requiresTwoFactor(org));
		model.addAttribute("members", security.members(org));
		model.addAttribute("me", principal.getName());
		return "identity/organization-security";
	}

	@PostMapping
	@PreAuthorize(ADMINISTRATOR)
	String save(@PathVariable OrgId org, @RequestParam(defaultValue = "false") boolean requireTwoFactor,
			Principal principal, RedirectAttributes redirect) {
		security.requireTwoFactor(org, requireTwoFactor, principal.getName());
		redirect.addFlashAttribute("notice", "saved");
		return "redirect:/orgs/" + org + "/security";
	}

	@PostMapping("/reset")
	@PreAuthorize(ADMINISTRATOR)
	String reset(@PathVariable OrgId org, @RequestParam String username, Principal principal,
			RedirectAttributes redirect) {
		try {
			twoFactor.reset(principal.getName(), org, username);
			redirect.addFlashAttribute("notice", "reset");
			redirect.addFlashAttribute("resetUser", username);
		}
		catch (TwoFactorRefusedException ex) {
			redirect.addFlashAttribute("error", ex.reason().code());
		}
		return "redirect:/orgs/" + org + "/security";
	}

}
