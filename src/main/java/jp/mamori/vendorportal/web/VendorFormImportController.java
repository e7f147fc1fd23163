package jp.mamori.vendorportal.web;

import java.io.IOException;
import java.io.Serializable;
import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpSession;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.vendorportal.VendorFormImport;
import jp.mamori.vendorportal.VendorRequest;
import jp.mamori.vendorportal.VendorRequests;
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
 * A client records a vendor's filled 事業者確認用 Excel form: upload, preview with per-row
 * errors, confirm. Between preview and confirm the file waits in the user's session, so
 * the confirmed answer is exactly the previewed one.
 */
@Controller
class VendorFormImportController {

	/** The uploaded file and the request fields, kept for the confirm step. */
	record Pending(String org, String vendor, Integer fiscalYear, String version, String systems, String fileName,
			byte[] bytes) implements Serializable {
	}

	static final String PENDING = VendorFormImportController.class.getName() + ".pending";

	private final VendorFormImport imports;

	private final VendorRequests requests;

	VendorFormImportController(VendorFormImport imports, VendorRequests requests) {
		this.imports = imports;
		this.requests = requests;
	}

	@GetMapping("/orgs/{org}/vendor-requests/import")
	@PreAuthorize("@access.canEdit(#org)")
	String form(@PathVariable OrgId org, Model model) {
		return uploadPage(org, List.of(), model);
	}

	@PostMapping("/orgs/{org}/vendor-requests/import")
	@PreAuthorize("@access.canEdit(#org)")
	String preview(@PathVariable OrgId org, @RequestParam(required = false) String vendor,
			@RequestParam(required = false) Integer fiscalYear, @RequestParam(required = false) String version,
			@RequestParam(required = false) String systems,
			@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session, Model model)
			throws IOException {
		session.removeAttribute(PENDING);
		byte[] bytes = file == null ? null : file.getBytes();
		VendorFormImport.Preview preview;
		try {
			preview = imports.preview(version, fiscalYear, bytes);
		}
		catch (BadInputException ex) {
			return uploadPage(org, List.of(ex.getMessage()), model);
		}
		Pending pending = new Pending(org.toString(), vendor, fiscalYear, version, systems,
				file == null ? null : file.getOriginalFilename(), bytes);
		if (preview.problems().isEmpty()) {
			session.setAttribute(PENDING, pending);
		}
		model.addAttribute("org", org);
		model.addAttribute("preview", preview);
		model.addAttribute("pending", pending);
		model.addAttribute("vendorName",
				vendor == null ? ""
						: requests.vendors(org)
							.stream()
							.filter(o -> o.id().toString().equals(vendor))
							.map(o -> o.name())
							.findFirst()
							.orElse(""));
		return "vendorportal/client-import-preview";
	}

	@PostMapping("/orgs/{org}/vendor-requests/import/confirm")
	@PreAuthorize("@access.canEdit(#org)")
	String confirm(@PathVariable OrgId org, HttpSession session, Principal principal, Model model,
			RedirectAttributes redirect) {
		if (!(session.getAttribute(PENDING) instanceof Pending pending) || !pending.org().equals(org.toString())) {
			return uploadPage(org, List.of("取り込むファイルがありません。もう一度ファイルを選んでください"), model);
		}
		try {
			VendorRequest request = imports.confirm(org, pending.vendor(), pending.fiscalYear(), pending.version(),
					pending.systems(), pending.fileName(), pending.bytes(), principal.getName());
			session.removeAttribute(PENDING);
			return "redirect:/orgs/" + org + "/vendor-requests/" + request.id();
		}
		catch (InvalidInputException ex) {
			return uploadPage(org, ex.violations().stream().map(FieldViolation::message).toList(), model);
		}
		catch (BadInputException ex) {
			return uploadPage(org, List.of(ex.getMessage()), model);
		}
	}

	private String uploadPage(OrgId org, List<String> errors, Model model) {
		model.addAttribute("org", org);
		model.addAttribute("errors", errors);
		model.addAttribute("vendors", requests.vendors(org));
		model.addAttribute("fiscalYear", requests.currentFiscalYear().startYear());
		model.addAttribute("versions", requests.versions());
		model.addAttribute("defaultVersion", VendorRequests.DEFAULT_VERSION);
		model.addAttribute("maxMegabytes", imports.maxBytes() / (1024 * 1024));
		return "vendorportal/client-import";
	}

}
