package jp.mamori.vendorportal.web;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.mamori.organization.Organization;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.vendorportal.VendorAnswer;
import jp.mamori.vendorportal.VendorRequest;
import jp.mamori.vendorportal.VendorRequests;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client side: its 事業者確認用 requests with the status per vendor, sending a new one, and
 * the review of a submitted answer (accept or return with a comment).
 */
@Controller
class VendorRequestController {

	private final VendorRequests requests;

	VendorRequestController(VendorRequests requests) {
		this.requests = requests;
	}

	@GetMapping("/orgs/{org}/vendor-requests")
	@PreAuthorize("@access.canView(#org)")
	String list(@PathVariable OrgId org, Model model) {
		model.addAttribute("org", org);
		model.addAttribute("requests", requests.ofClient(org));
		List<Organization> vendors = requests.vendors(org);
		model.addAttribute("vendors", vendors);
		Map<String, String> names = vendors.stream()
			.collect(Collectors.toMap(o -> o.id().toString(), Organization::name));
		requests.ofClient(org)
			.forEach(r -> names.computeIfAbsent(r.vendor().toString(), v -> requests.name(r.vendor())));
		model.addAttribute("vendorNames", names);
		model.addAttribute("fiscalYear", requests.currentFiscalYear().startYear());
		model.addAttribute("versions", requests.versions());
		model.addAttribute("defaultVersion", VendorRequests.DEFAULT_VERSION);
		model.addAttribute("today", requests.today());
		return "vendorportal/client-list";
	}

	@PostMapping("/orgs/{org}/vendor-requests")
	@PreAuthorize("@access.canEdit(#org)")
	String send(@PathVariable OrgId org, @RequestParam(required = false) String vendor,
			@RequestParam(required = false) Integer fiscalYear, @RequestParam(required = false) String version,
			@RequestParam(required = false) String systems, @RequestParam(required = false) String dueDate,
			Principal principal, RedirectAttributes redirect) {
		try {
			LocalDate due = null;
			if (dueDate != null && !dueDate.isBlank()) {
				try {
					due = LocalDate.parse(dueDate.strip());
				}
				catch (DateTimeParseException ex) {
					throw new InvalidInputException("dueDate", "回答期限を日付で入力してください");
				}
			}
			requests.send(org, vendor, fiscalYear, version, systems, due, principal.getName());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("requestErrors", ex.violations());
		}
		return "redirect:/orgs/" + org + "/vendor-requests";
	}

	@GetMapping("/orgs/{org}/vendor-requests/{id}")
	@PreAuthorize("@access.canView(#org)")
	String show(@PathVariable OrgId org, @PathVariable UUID id, Model model) {
		VendorRequest request = requests.requireForClient(org, id);
		model.addAttribute("org", org);
		model.addAttribute("request", request);
		model.addAttribute("vendorName", requests.name(request.vendor()));
		model.addAttribute("form", requests.form(request));
		Map<String, VendorAnswer> answers = requests.answers(request)
			.stream()
			.collect(Collectors.toMap(VendorAnswer::itemId, Function.identity()));
		model.addAttribute("answers", answers);
		model.addAttribute("productNames",
				requests.products(request)
					.stream()
					.collect(Collectors.toMap(p -> p.id().toString(), jp.mamori.vendorportal.VendorProduct::label)));
		return "vendorportal/client-review";
	}

	@PostMapping("/orgs/{org}/vendor-requests/{id}/accept")
	@PreAuthorize("@access.canEdit(#org)")
	String accept(@PathVariable OrgId org, @PathVariable UUID id, Principal principal, RedirectAttributes redirect) {
		try {
			requests.accept(org, id, principal.getName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("reviewError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/vendor-requests/" + id;
	}

	@PostMapping("/orgs/{org}/vendor-requests/{id}/return")
	@PreAuthorize("@access.canEdit(#org)")
	String returnToVendor(@PathVariable OrgId org, @PathVariable UUID id,
			@RequestParam(required = false) String comment, Principal principal, RedirectAttributes redirect) {
		try {
			requests.returnToVendor(org, id, comment, principal.getName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("reviewError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/vendor-requests/" + id;
	}

}
