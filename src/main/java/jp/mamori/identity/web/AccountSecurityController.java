package jp.mamori.identity.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.PasswordOnlyAuthentication;
import jp.mamori.identity.TwoFactor;
import jp.mamori.identity.TwoFactorRefusedException;
import jp.mamori.identity.UserAccounts;
import jp.mamori.organization.Organizations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One's own login security: enrol an authenticator app (QR code made here), see the
 * recovery codes once, replace them, or turn two-factor authentication off. A login whose
 * organisation requires two factors lands here, and may go nowhere else until enrolled.
 * Not for API tokens: only a person at the browser manages their second factor.
 */
@Controller
@RequestMapping(TwoFactorLogin.ENROLMENT_PAGE)
class AccountSecurityController {

	/** A partial login that must enrol, or a full login that is not an API token. */
	static final String PERSON = "isAuthenticated() and !hasRole('API')";

	/** An organisation the person administers, for the link to its security settings. */
	record AdministeredOrg(String id, String name) {
	}

	private final TwoFactor twoFactor;

	private final TwoFactorLogin login;

	private final UserAccounts users;

	private final Organizations organizations;

	AccountSecurityController(TwoFactor twoFactor, TwoFactorLogin login, UserAccounts users,
			Organizations organizations) {
		this.twoFactor = twoFactor;
		this.login = login;
		this.users = users;
		this.organizations = organizations;
	}

	@GetMapping
	@PreAuthorize(PERSON)
	String page(Authentication authentication, Model model) {
		return show(authentication, model);
	}

	@PostMapping("/enrolment")
	@PreAuthorize(PERSON)
	String startEnrolment(Authentication authentication, RedirectAttributes redirect) {
		try {
			twoFactor.startEnrolment(authentication.getName());
		}
		catch (TwoFactorRefusedException ex) {
			redirect.addFlashAttribute("error", ex.reason().code());
		}
		return "redirect:" + TwoFactorLogin.ENROLMENT_PAGE;
	}

	@PostMapping("/enrolment/confirm")
	@PreAuthorize(PERSON)
	String confirmEnrolment(@RequestParam(defaultValue = "") String code, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		List<String> codes;
		try {
			codes = twoFactor.confirmEnrolment(authentication.getName(), code);
		}
		catch (TwoFactorRefusedException ex) {
			model.addAttribute("error", ex.reason().code());
			return show(authentication, model);
		}
		Authentication now = authentication;
		if (authentication instanceof PasswordOnlyAuthentication partial) {
			// enrolled as the organisation requires: the login is complete
			login.complete(partial, request, response);
			now = partial.completed();
		}
		// shown in this response only: never stored, never shown again
		model.addAttribute("recoveryCodes", codes);
		model.addAttribute("notice", "enrolled");
		return show(now, model);
	}

	@PostMapping("/recovery-codes")
	@PreAuthorize(PERSON + " and !hasAuthority('" + PasswordOnlyAuthentication.AUTHORITY + "')")
	String regenerateRecoveryCodes(@RequestParam(defaultValue = "") String code, Authentication authentication,
			Model model) {
		try {
			model.addAttribute("recoveryCodes", twoFactor.regenerateRecoveryCodes(authentication.getName(), code));
			model.addAttribute("notice", "regenerated");
		}
		catch (TwoFactorRefusedException ex) {
			model.addAttribute("error", ex.reason().code());
		}
		return show(authentication, model);
	}

	@PostMapping("/disable")
	@PreAuthorize(PERSON + " and !hasAuthority('" + PasswordOnlyAuthentication.AUTHORITY + "')")
	String disable(@RequestParam(defaultValue = "") String code, Authentication authentication,
			RedirectAttributes redirect) {
		try {
			twoFactor.disable(authentication.getName(), code);
			redirect.addFlashAttribute("notice", "disabled");
		}
		catch (TwoFactorRefusedException ex) {
			redirect.addFlashAttribute("error", ex.reason().code());
		}
		return "redirect:" + TwoFactorLogin.ENROLMENT_PAGE;
	}

	private String show(Authentication authentication, Model model) {
		String username = authentication.getName();
		boolean enabled = twoFactor.isEnabled(username);
		boolean partial = PasswordOnlyAuthentication.isPartial(authentication);
		model.addAttribute("enabled", enabled);
		model.addAttribute("required", twoFactor.requiredFor(username));
		model.addAttribute("mustEnrol", partial);
		model.addAttribute("remaining", enabled ? twoFactor.remainingRecoveryCodes(username) : 0);
		model.addAttribute("enrolment", enabled ? null : twoFactor.pendingEnrolment(username).orElse(null));
		model.addAttribute("administered",
				partial ? List.of()
						: users.memberships(username)
							.stream()
							.filter(m -> m.role() == OrgRole.ADMIN)
							.flatMap(m -> organizations.find(m.org()).stream())
							.map(o -> new AdministeredOrg(o.id().toString(), o.name()))
							.toList());
		return "identity/account-security";
	}

}
