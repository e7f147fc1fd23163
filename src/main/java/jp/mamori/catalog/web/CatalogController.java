package jp.mamori.catalog.web;

import java.io.IOException;
import java.security.Principal;

import jp.mamori.catalog.Catalog;
import jp.mamori.catalog.FormCode;
import jp.mamori.catalog.ImportCatalogVersion;
import jp.mamori.catalog.InvalidCatalogException;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Checklist versions: everyone may read them; システム管理者 may import a new one. */
@Controller
class CatalogController {

	private final Catalog catalog;

	private final ImportCatalogVersion importVersion;

	CatalogController(Catalog catalog, ImportCatalogVersion importVersion) {
		this.catalog = catalog;
		this.importVersion = importVersion;
	}

	@GetMapping("/catalog")
	@PreAuthorize("isAuthenticated()")
	String versions(Model model) {
		model.addAttribute("versions", catalog.versions());
		return "catalog/versions";
	}

	@GetMapping("/catalog/{version}/{form}")
	@PreAuthorize("isAuthenticated()")
	String form(@PathVariable String version, @PathVariable String form, Model model) {
		FormCode code = FormCode.fromCode(form).orElseThrow(() -> new NotFoundException("様式が見つかりません"));
		model.addAttribute("version", catalog.version(version).orElseThrow(() -> new NotFoundException("版が見つかりません")));
		model.addAttribute("form", catalog.form(version, code).orElseThrow(() -> new NotFoundException("様式が見つかりません")));
		return "catalog/form";
	}

	@PostMapping("/admin/catalog")
	@PreAuthorize("@access.isSystemAdmin()")
	String importFile(@RequestParam("file") MultipartFile file, Principal principal, RedirectAttributes redirect)
			throws IOException {
		try {
			var version = importVersion.importFile(
					file.getOriginalFilename() == null ? "upload.yaml" : file.getOriginalFilename(), file.getBytes(),
					principal.getName());
			redirect.addFlashAttribute("imported", version.id());
		}
		catch (InvalidCatalogException ex) {
			redirect.addFlashAttribute("importErrors", ex.errors().stream().map(Object::toString).toList());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("importErrors", java.util.List.of(ex.getMessage()));
		}
		return "redirect:/catalog";
	}

}
