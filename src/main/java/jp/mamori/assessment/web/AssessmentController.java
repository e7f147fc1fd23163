package jp.mamori.assessment.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.assessment.AssessmentView;
import jp.mamori.assessment.CreateAssessment;
import jp.mamori.assessment.RecordAnswer;
import jp.mamori.assessment.StartNextRound;
import jp.mamori.assessment.SubmitRound;
import jp.mamori.catalog.Catalog;
import jp.mamori.catalog.ChecklistVersion;
import jp.mamori.catalog.FormCode;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.OrgId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The checklist pages: list and create, answer row by row (htmx), submit, next round. */
@Controller
@RequestMapping("/orgs/{org}/assessments")
class AssessmentController {

	private final AssessmentQueries queries;

	private final CreateAssessment createAssessment;

	private final RecordAnswer recordAnswer;

	private final SubmitRound submitRound;

	private final StartNextRound startNextRound;

	private final Catalog catalog;

	private final Organizations organizations;

	private final Clock clock;

	AssessmentController(AssessmentQueries queries, CreateAssessment createAssessment, RecordAnswer recordAnswer,
			SubmitRound submitRound, StartNextRound startNextRound, Catalog catalog, Organizations organizations,
			Clock clock) {
		this.queries = queries;
		this.createAssessment = createAssessment;
		this.recordAnswer = recordAnswer;
		this.submitRound = submitRound;
		this.startNextRound = startNextRound;
		this.catalog = catalog;
		this.organizations = organizations;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("@access.canView(#org)")
	String list(@PathVariable OrgId org, Model model) {
		Organization organization = organizations.require(org);
		FiscalYear thisYear = FiscalYear.containing(LocalDate.now(clock));
		List<ChecklistVersion> versions = catalog.versions();
		String defaultVersion = versions.stream()
			.filter(v -> v.fiscalYear().compareTo(thisYear) <= 0)
			.max(Comparator.comparing(ChecklistVersion::fiscalYear))
			.orElse(versions.get(versions.size() - 1))
			.id();
		var assessments = queries.list(org);
		model.addAttribute("org", organization);
		model.addAttribute("assessments", assessments);
		model.addAttribute("versions", versions);
		model.addAttribute("forms", FormCode.values());
		model.addAttribute("form",
				new CreateAssessmentForm(thisYear.startYear(), defaultVersion, defaultForm(organization.kind()).code(),
						assessments.isEmpty() ? "" : assessments.get(0).id().toString()));
		return "assessment/assessments";
	}

	@PostMapping
	@PreAuthorize("@access.canEdit(#org)")
	String create(@PathVariable OrgId org, @ModelAttribute CreateAssessmentForm form, Principal principal,
			Model model) {
		try {
			UUID seed = form.seedFrom() == null || form.seedFrom().isBlank() ? null : UUID.fromString(form.seedFrom());
			var assessment = createAssessment.create(org, form.fiscalYear(), form.version(), form.form(), seed,
					principal.getName());
			return "redirect:/orgs/" + org + "/assessments/" + assessment.id();
		}
		catch (BadInputException | IllegalArgumentException ex) {
			String message = ex instanceof BadInputException ? ex.getMessage() : "引継元の指定が正しくありません";
			list(org, model);
			model.addAttribute("form", form);
			model.addAttribute("createError", message);
			return "assessment/assessments";
		}
	}

	@GetMapping("/{id}")
	@PreAuthorize("@access.canView(#org)")
	String checklist(@PathVariable OrgId org, @PathVariable UUID id, @RequestParam(required = false) Integer round,
			Model model) {
		AssessmentView view = queries.view(org, id);
		int shown = round == null ? view.latestRound().number() : view.round(round).number();
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("view", view);
		model.addAttribute("round", shown);
		if (!model.containsAttribute("rowErrors")) {
			model.addAttribute("rowErrors", Map.of());
		}
		return "assessment/assessment";
	}

	/**
	 * Saves one row; an htmx request gets the row fragment back (with errors), a plain
	 * post a redirect.
	 */
	@PostMapping("/{id}/rounds/{round}/items/{itemId}")
	@PreAuthorize("@access.canEdit(#org)")
	String answer(@PathVariable OrgId org, @PathVariable UUID id, @PathVariable int round, @PathVariable String itemId,
			@ModelAttribute AnswerForm form, Principal principal, Model model,
			@RequestHeader(value = "HX-Request", required = false) String htmx, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> errors = new HashMap<>();
		boolean saved = false;
		try {
			recordAnswer.record(org, id, round, itemId, form.toCommand(), principal.getName());
			saved = true;
		}
		catch (InvalidInputException ex) {
			for (FieldViolation v : ex.violations()) {
				errors.merge(v.field() == null ? "answer" : v.field(), v.message(), (a, b) -> a + "。" + b);
			}
		}
		catch (ConflictException ex) {
			errors.put("conflict", ex.getMessage());
		}
		AssessmentView view = queries.view(org, id);
		boolean gate = view.row(itemId).map(r -> r.item().isGate()).orElse(false);
		if (htmx == null) {
			redirect.addFlashAttribute("rowErrors", Map.of(itemId, errors));
			return "redirect:/orgs/" + org + "/assessments/" + id + "?round=" + round + "#item-" + itemId;
		}
		if (saved && gate) {
			// the gate answer changes every other row (確認不要 or not): reload the whole
			// page
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("view", view);
		model.addAttribute("round", round);
		model.addAttribute("row", view.row(itemId).orElseThrow());
		model.addAttribute("rowErrors", Map.of(itemId, errors));
		model.addAttribute("savedItem", saved ? itemId : null);
		if (!saved) {
			// show what the person typed, not the stored value
			model.addAttribute("typed", form);
		}
		return "assessment/assessment :: row";
	}

	@PostMapping("/{id}/rounds/{round}/submit")
	@PreAuthorize("@access.canEdit(#org)")
	String submit(@PathVariable OrgId org, @PathVariable UUID id, @PathVariable int round, Principal principal,
			RedirectAttributes redirect) {
		try {
			submitRound.submit(org, id, round, principal.getName());
			redirect.addFlashAttribute("notice", "assessment.notice.submitted");
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("pageError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/assessments/" + id + "?round=" + round;
	}

	@PostMapping("/{id}/rounds")
	@PreAuthorize("@access.canEdit(#org)")
	String nextRound(@PathVariable OrgId org, @PathVariable UUID id, Principal principal, RedirectAttributes redirect) {
		try {
			var round = startNextRound.start(org, id, principal.getName());
			redirect.addFlashAttribute("notice", "assessment.notice.roundStarted");
			return "redirect:/orgs/" + org + "/assessments/" + id + "?round=" + round.number();
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("pageError", ex.getMessage());
			return "redirect:/orgs/" + org + "/assessments/" + id;
		}
	}

	static FormCode defaultForm(OrgKind kind) {
		return switch (kind) {
			case PHARMACY -> FormCode.PHARMACY;
			case VENDOR -> FormCode.VENDOR;
			default -> FormCode.INSTITUTION;
		};
	}

}
