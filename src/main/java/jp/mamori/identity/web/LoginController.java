package jp.mamori.identity.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.ui.Model;

import jp.mamori.identity.FirstRunSetup;
import jp.mamori.identity.UserAccounts;
import jp.mamori.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jp.mamori.shared.OrgId;

/**
 * Login page, and the start page that sends a person to their first organisation's
 * dashboard.
 */
@Controller
class LoginController {

	private final FirstRunSetup setup;

	private final UserAccounts users;

	LoginController(FirstRunSetup setup, UserAccounts users) {
		this.setup = setup;
		this.users = users;
	}

	@GetMapping("/login")
	@PreAuthorize("permitAll()")
	String login(HttpServletRequest request, Model model) {
		if (setup.isNeeded()) {
			return "redirect:/setup";
		}
		HttpSession session = request.getSession(false);
		Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		model.addAttribute("locked", failure instanceof LockedException);
		return "identity/login";
	}

	@GetMapping("/orgs/switch")
	@PreAuthorize("isAuthenticated()")
	String switchOrganization(@RequestParam OrgId org) {
		return "redirect:/orgs/" + org + "/dashboard";
	}

	@GetMapping("/")
	@PreAuthorize("isAuthenticated()")
	String home(Principal principal) {
		return users.memberships(principal.getName())
			.stream()
			.filter(m -> m.role().canView())
			.findFirst()
			.map(m -> "redirect:/orgs/" + m.org() + "/dashboard")
			.orElseThrow(() -> new NotFoundException("閲覧できる組織がありません。管理者に所属の追加を依頼してください"));
	}

}
