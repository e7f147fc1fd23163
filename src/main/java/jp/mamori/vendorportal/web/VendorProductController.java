package jp.mamori.vendorportal.web;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.shared.BadInputException;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.vendorportal.VendorAnswer;
import jp.mamori.vendorportal.VendorDocuments;
import jp.mamori.vendorportal.VendorProduct;
import jp.mamori.vendorportal.VendorProducts;
import jp.mamori.vendorportal.VendorRequests;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vendor's products and services and its 事業者確認用 answer per product, shared with every
 * client. Reading is open to any member of the vendor organisation; changes to its
 * administrators and editors.
 */
@Controller
class VendorProductController {

	private final VendorProducts products;

	private final VendorRequests requests;

	private final VendorDocuments documents;

	VendorProductController(VendorProducts products, VendorRequests requests, VendorDocuments documents) {
		this.products = products;
		this.requests = requests;
		this.documents = documents;
	}

	@GetMapping("/orgs/{org}/products")
	@PreAuthorize("@access.isMember(#org)")
	String list(@PathVariable OrgId org, Model model) {
		model.addAttribute("org", org);
		model.addAttribute("products", products.ofVendor(org));
		return "vendorportal/vendor-products";
	}

	@PostMapping("/orgs/{org}/products")
	@PreAuthorize("@access.canEdit(#org)")
	String register(@PathVariable OrgId org, @RequestParam(required = false) String name,
			@RequestParam(required = false) String productVersion, @RequestParam(required = false) String description,
			Principal principal, RedirectAttributes redirect) {
		try {
			VendorProduct product = products.register(org, name, productVersion, description, principal.getName());
			return "redirect:/orgs/" + org + "/products/" + product.id();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("productErrors", ex.violations());
			return "redirect:/orgs/" + org + "/products";
		}
	}

	@GetMapping("/orgs/{org}/products/{id}")
	@PreAuthorize("@access.isMember(#org)")
	String show(@PathVariable OrgId org, @PathVariable UUID id, @RequestParam(required = false) String version,
			Model model) {
		String versionId = version(version);
		return page(org, products.require(org, id), versionId, products.answers(org, id, versionId), List.of(), model);
	}

	@PostMapping("/orgs/{org}/products/{id}")
	@PreAuthorize("@access.canEdit(#org)")
	String saveAnswers(@PathVariable OrgId org, @PathVariable UUID id, @RequestParam(required = false) String version,
			@RequestParam Map<String, String> params, Principal principal, Model model) {
		String versionId = version(version);
		VendorProduct product = products.require(org, id);
		Map<String, VendorAnswer> entered = VendorRequestForm.read(products.form(versionId), params);
		try {
			products.saveAnswers(org, id, versionId, entered, principal.getName());
		}
		catch (InvalidInputException ex) {
			return page(org, product, versionId, entered, ex.violations(), model);
		}
		return "redirect:/orgs/" + org + "/products/" + id + "?version=" + versionId;
	}

	@PostMapping("/orgs/{org}/products/{id}/documents")
	@PreAuthorize("@access.canEdit(#org)")
	String upload(@PathVariable OrgId org, @PathVariable UUID id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String documentVersion, @RequestParam(required = false) String issuedOn,
			@RequestParam(name = "file", required = false) MultipartFile file, Principal principal,
			RedirectAttributes redirect) throws IOException {
		try {
			documents.upload(org, id, kind, documentVersion, VendorRequestForm.date(issuedOn),
					file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(),
					principal.getName());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("documentErrors",
					ex.violations().stream().map(FieldViolation::message).toList());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("documentErrors", List.of(ex.getMessage()));
		}
		return "redirect:/orgs/" + org + "/products/" + id;
	}

	@GetMapping("/orgs/{org}/products/{id}/documents/{document}/file")
	@PreAuthorize("@access.isMember(#org)")
	ResponseEntity<byte[]> download(@PathVariable OrgId org, @PathVariable UUID id, @PathVariable UUID document) {
		return documents.contentForVendor(org, document).asAttachment();
	}

	private String version(String version) {
		return version == null || version.isBlank() ? VendorRequests.DEFAULT_VERSION : version.strip();
	}

	private String page(OrgId org, VendorProduct product, String versionId, Map<String, VendorAnswer> answers,
			List<FieldViolation> violations, Model model) {
		model.addAttribute("org", org);
		model.addAttribute("product", product);
		model.addAttribute("version", versionId);
		model.addAttribute("versions", requests.versions());
		model.addAttribute("form", products.form(versionId));
		model.addAttribute("answers", answers);
		model.addAttribute("violations", violations);
		model.addAttribute("documents", documents.ofProduct(org, product.id()));
		return "vendorportal/vendor-product";
	}

}
