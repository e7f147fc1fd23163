package jp.mamori.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.mamori.identity.PasswordOnlyAuthentication;
import jp.mamori.identity.TwoFactor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second login step: a code from the authenticator app, or a recovery code. Reached
 * only by a login that has passed the password and waits for it.
 */
@Controller
class TwoFactorLoginController {

	private final TwoFactor twoFactor;

	private final TwoFactorLogin login;

	TwoFactorLoginController(TwoFactor twoFactor, TwoFactorLogin login) {
		this.twoFactor = twoFactor;
		this.login = login;
	}

	@GetMapping(TwoFactorLogin.CODE_PAGE)
	@PreAuthorize("hasAuthority('" + PasswordOnlyAuthentication.AUTHORITY + "')")
	String form() {
		return "identity/two-factor";
	}

	@PostMapping(TwoFactorLogin.CODE_PAGE)
	@PreAuthorize("hasAuthority('" + PasswordOnlyAuthentication.AUTHORITY + "')")
	String verify(@RequestParam(defaultValue = "") String code, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!(authentication instanceof PasswordOnlyAuthentication partial)
				|| partial.pending() != PasswordOnlyAuthentication.Pending.CODE) {
			return "redirect:/login";
		}
		TwoFactor.Verification result = twoFactor.verify(partial.getName(), code);
		if (result.accepted()) {
			return "redirect:" + login.complete(partial, request, response);
		}
		model.addAttribute("error", result == TwoFactor.Verification.LOCKED ? "locked" : "invalid");
		return "identity/two-factor";
	}

}
