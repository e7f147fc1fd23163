package jp.mamori.vendorportal.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.mamori.shared.BadInputException;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.vendorportal.VendorAnswer;
import jp.mamori.vendorportal.VendorProduct;
import jp.mamori.vendorportal.VendorProducts;
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
 * The vendor side: a vendor organisation's users see the requests addressed to it — the
 * client's name and the systems, nothing else of the client — and answer them. Reading is
 * open to any member of the vendor organisation; answering to its administrators and
 * editors.
 */
@Controller
class VendorPortalController {

	private final VendorRequests requests;

	private final VendorProducts products;

	VendorPortalController(VendorRequests requests, VendorProducts products) {
		this.requests = requests;
		this.products = products;
	}

	@GetMapping("/orgs/{org}/requests")
	@PreAuthorize("@access.isMember(#org)")
	String list(@PathVariable OrgId org, Model model) {
		List<VendorRequest> list = requests.ofVendor(org);
		model.addAttribute("org", org);
		model.addAttribute("requests", list);
		model.addAttribute("clients",
				list.stream()
					.map(VendorRequest::client)
					.distinct()
					.collect(Collectors.toMap(OrgId::toString, requests::name)));
		return "vendorportal/vendor-list";
	}

	@GetMapping("/orgs/{org}/requests/{id}")
	@PreAuthorize("@access.isMember(#org)")
	String show(@PathVariable OrgId org, @PathVariable UUID id, Model model) {
		VendorRequest request = requests.requireForVendor(org, id);
		Map<String, VendorAnswer> stored = requests.answers(request)
			.stream()
			.collect(Collectors.toMap(VendorAnswer::itemId, Function.identity()));
		// nothing answered for this client yet: start from the named products' shared
		// answer, which the vendor may adjust before submitting
		if (stored.isEmpty() && request.status().isOpenToVendor()) {
			stored = requests.prefill(request);
		}
		return page(org, request, stored, List.of(), model);
	}

	@PostMapping("/orgs/{org}/requests/{id}/products")
	@PreAuthorize("@access.canEdit(#org)")
	String chooseProducts(@PathVariable OrgId org, @PathVariable UUID id,
			@RequestParam(name = "product", required = false) List<UUID> chosen, Principal principal,
			RedirectAttributes redirect) {
		try {
			requests.chooseProducts(org, id, chosen, principal.getName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("productError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/requests/" + id;
	}

	@PostMapping("/orgs/{org}/requests/{id}")
	@PreAuthorize("@access.canEdit(#org)")
	String submit(@PathVariable OrgId org, @PathVariable UUID id, @RequestParam Map<String, String> params,
			Principal principal, Model model) {
		VendorRequest request = requests.requireForVendor(org, id);
		Map<String, VendorAnswer> entered = VendorRequestForm.read(requests.form(request), params);
		try {
			requests.submit(org, id, entered, principal.getName());
		}
		catch (InvalidInputException ex) {
			return page(org, request, entered, ex.violations(), model);
		}
		return "redirect:/orgs/" + org + "/requests/" + id;
	}

	private String page(OrgId org, VendorRequest request, Map<String, VendorAnswer> answers,
			List<FieldViolation> violations, Model model) {
		model.addAttribute("org", org);
		model.addAttribute("request", request);
		model.addAttribute("clientName", requests.name(request.client()));
		model.addAttribute("form", requests.form(request));
		model.addAttribute("answers", answers);
		model.addAttribute("violations", violations);
		model.addAttribute("products", products.ofVendor(org));
		model.addAttribute("chosen", requests.products(request).stream().map(VendorProduct::id).toList());
		return "vendorportal/vendor-answer";
	}

}
