package jp.mamori.identity.web;

import java.util.List;

import java.security.Principal;

import jp.mamori.identity.Invitations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Opening an invitation link: set up a new account, or join with the account one is
 * logged in with.
 */
@Controller
class InvitationController {

	private final Invitations invitations;

	InvitationController(Invitations invitations) {
		this.invitations = invitations;
	}

	@GetMapping("/invitations/{token}")
	@PreAuthorize("permitAll()")
	String open(@PathVariable String token, Principal principal, Model model) {
		var invitation = invitations.open(token);
		model.addAttribute("token", token);
		model.addAttribute("invitation", invitation.orElse(null));
		model.addAttribute("organization", invitations.organizationOf(token).orElse(null));
		model.addAttribute("loggedIn", principal != null);
		model.addAttribute("errors", List.of());
		return "identity/invitation";
	}

	@PostMapping("/invitations/{token}")
	@PreAuthorize("permitAll()")
	String accept(@PathVariable String token, @RequestParam(required = false) String username,
			@RequestParam(required = false) String displayName, @RequestParam(required = false) String password,
			@RequestParam(required = false) String passwordConfirm, Principal principal, Model model) {
		try {
			if (principal != null) {
				invitations.acceptAsExistingUser(token, principal.getName());
				return "redirect:/";
			}
			if (password == null || !password.equals(passwordConfirm)) {
				throw new BadInputException("確認用のパスワードが一致しません");
			}
			invitations.acceptAsNewUser(token, username, displayName, password);
			return "redirect:/login?joined";
		}
		catch (BadInputException ex) {
			open(token, principal, model);
			model.addAttribute("username", username);
			model.addAttribute("displayName", displayName);
			model.addAttribute("errors", ex instanceof InvalidInputException invalid
					? invalid.violations().stream().map(FieldViolation::message).toList() : List.of(ex.getMessage()));
			return "identity/invitation";
		}
	}

}
