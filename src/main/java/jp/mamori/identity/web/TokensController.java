package jp.mamori.identity.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jp.mamori.identity.ApiTokens;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ClockConfiguration;
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
 * API tokens of an organisation: issue (shown once), list with last use, revoke.
 * Administrators only.
 */
@Controller
@RequestMapping("/orgs/{org}/tokens")
class TokensController {

	private final ApiTokens tokens;

	private final UserAccounts users;

	private final Organizations organizations;

	private final Clock clock;

	TokensController(ApiTokens tokens, UserAccounts users, Organizations organizations, Clock clock) {
		this.tokens = tokens;
		this.users = users;
		this.organizations = organizations;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("@access.canAdminister(#org)")
	String list(@PathVariable OrgId org, Model model) {
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("tokens", tokens.list(org));
		model.addAttribute("members", users.members(org));
		model.addAttribute("roles", OrgRole.values());
		model.addAttribute("now", clock.instant());
		return "identity/tokens";
	}

	@PostMapping
	@PreAuthorize("@access.canAdminister(#org)")
	String create(@PathVariable OrgId org, @RequestParam String username, @RequestParam(required = false) String role,
			@RequestParam(required = false) String label, @RequestParam(required = false) LocalDate expiresOn,
			Principal principal, RedirectAttributes redirect) {
		try {
			var expiresAt = expiresOn == null ? null
					: expiresOn.plusDays(1).atStartOfDay(ClockConfiguration.JAPAN).toInstant();
			String token = tokens.create(org, username, role == null || role.isBlank() ? null : OrgRole.require(role),
					label, expiresAt, principal.getName());
			redirect.addFlashAttribute("newToken", token);
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("tokenError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/tokens";
	}

	@PostMapping("/{id}/revoke")
	@PreAuthorize("@access.canAdminister(#org)")
	String revoke(@PathVariable OrgId org, @PathVariable UUID id, Principal principal) {
		tokens.revoke(org, id, principal.getName());
		return "redirect:/orgs/" + org + "/tokens";
	}

}
