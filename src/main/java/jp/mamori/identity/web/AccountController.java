package jp.mamori.identity.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jp.mamori.identity.MailSettings;
import jp.mamori.identity.UserAccounts;
import jp.mamori.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One's own account: the e-mail address for reminders (and opting out of them), change
 * the password, log out everywhere.
 */
@Controller
class AccountController {

	private final UserAccounts users;

	private final SessionTermination sessions;

	AccountController(UserAccounts users, SessionTermination sessions) {
		this.users = users;
		this.sessions = sessions;
	}

	@GetMapping("/account/password")
	@PreAuthorize("isAuthenticated()")
	String passwordForm(Model model) {
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", java.util.Map.of());
		}
		return "identity/password";
	}

	@PostMapping("/account/password")
	@PreAuthorize("isAuthenticated()")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String newPasswordConfirm, Principal principal, Model model, RedirectAttributes redirect) {
		try {
			if (!newPassword.equals(newPasswordConfirm)) {
				throw new InvalidInputException("newPasswordConfirm", "確認用のパスワードが一致しません");
			}
			users.changePassword(principal.getName(), currentPassword, newPassword);
		}
		catch (InvalidInputException ex) {
			java.util.Map<String, String> errors = new java.util.HashMap<>();
			ex.violations().forEach(v -> errors.merge(v.field(), v.message(), (a, b) -> a + "。" + b));
			model.addAttribute("errors", errors);
			return "identity/password";
		}
		redirect.addFlashAttribute("passwordChanged", true);
		return "redirect:/account/password";
	}

	@GetMapping("/account/profile")
	@PreAuthorize("isAuthenticated()")
	String profile(Principal principal, Model model) {
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", java.util.Map.of());
		}
		if (!model.containsAttribute("mail")) {
			model.addAttribute("mail", users.mailSettings(principal.getName()));
		}
		return "identity/profile";
	}

	@PostMapping("/account/profile")
	@PreAuthorize("isAuthenticated()")
	String changeProfile(@RequestParam(required = false) String email,
			@RequestParam(defaultValue = "false") boolean reminders, Principal principal, Model model,
			RedirectAttributes redirect) {
		try {
			users.changeMailSettings(principal.getName(), email, reminders);
		}
		catch (InvalidInputException ex) {
			java.util.Map<String, String> errors = new java.util.HashMap<>();
			ex.violations().forEach(v -> errors.merge(v.field(), v.message(), (a, b) -> a + "。" + b));
			model.addAttribute("errors", errors);
			// what was typed stays in the field, to be corrected
			model.addAttribute("mail", new MailSettings(email, reminders));
			return "identity/profile";
		}
		redirect.addFlashAttribute("profileSaved", true);
		return "redirect:/account/profile";
	}

	@PostMapping("/account/logout-everywhere")
	@PreAuthorize("isAuthenticated()")
	String logoutEverywhere(Principal principal, HttpServletRequest request) throws Exception {
		sessions.endAllSessions(principal.getName());
		request.logout();
		return "redirect:/login?logout";
	}

}
