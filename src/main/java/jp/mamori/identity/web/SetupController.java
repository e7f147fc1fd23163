package jp.mamori.identity.web;

import java.util.List;

import jp.mamori.identity.FirstRunSetup;
import jp.mamori.organization.OrgKind;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** First start: create the first organisation (医療機関 or 薬局) and its administrator. */
@Controller
class SetupController {

	private final FirstRunSetup setup;

	SetupController(FirstRunSetup setup) {
		this.setup = setup;
	}

	@GetMapping("/setup")
	@PreAuthorize("permitAll()")
	String form(Model model) {
		if (!setup.isNeeded()) {
			return "redirect:/login";
		}
		model.addAttribute("form", SetupForm.empty());
		model.addAttribute("errors", List.of());
		return "identity/setup";
	}

	@PostMapping("/setup")
	@PreAuthorize("permitAll()")
	String run(@ModelAttribute("form") SetupForm form, Model model, RedirectAttributes redirect) {
		if (!setup.isNeeded()) {
			return "redirect:/login";
		}
		try {
			if (form.password() == null || !form.password().equals(form.passwordConfirm())) {
				throw new BadInputException("確認用のパスワードが一致しません");
			}
			setup.run(form.orgName(), OrgKind.fromCode(form.kind()).orElse(OrgKind.INSTITUTION), form.username(),
					form.displayName(), form.password());
		}
		catch (BadInputException ex) {
			model.addAttribute("form",
					new SetupForm(form.orgName(), form.kind(), form.username(), form.displayName(), "", ""));
			model.addAttribute("errors", ex instanceof InvalidInputException invalid
					? invalid.violations().stream().map(FieldViolation::message).toList() : List.of(ex.getMessage()));
			return "identity/setup";
		}
		redirect.addFlashAttribute("setupDone", true);
		return "redirect:/login?setup";
	}

}
