package jp.mamori.network.web;

import java.io.IOException;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.UUID;

import jp.mamori.network.AnalyseNetworkFiles;
import jp.mamori.network.NetworkAnalysis;
import jp.mamori.network.NetworkFindingState;
import jp.mamori.network.NetworkFindings;
import jp.mamori.network.config.Vendor;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
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
 * ネットワーク in the browser: upload a router/firewall configuration (vendor detected or
 * chosen, optionally linked to a device-ledger row) or an nmap XML scan, the list of
 * analyses, one analysis' findings with the configuration line and the fix, and a
 * finding's triage with its comment trail.
 */
@Controller
class NetworkController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm")
		.withZone(ZoneId.of("Asia/Tokyo"));

	private final Organizations organizations;

	private final AnalyseNetworkFiles analyser;

	private final NetworkFindings findings;

	private final jp.mamori.network.ImportGlpiInventory inventory;

	NetworkController(Organizations organizations, AnalyseNetworkFiles analyser, NetworkFindings findings,
			jp.mamori.network.ImportGlpiInventory inventory) {
		this.organizations = organizations;
		this.analyser = analyser;
		this.findings = findings;
		this.inventory = inventory;
	}

	@PostMapping("/orgs/{org}/network/inventory")
	@PreAuthorize("@access.canEdit(#org)")
	String uploadInventory(@PathVariable OrgId org, @RequestParam(name = "file", required = false) MultipartFile file,
			Principal principal, RedirectAttributes redirect) throws IOException {
		try {
			var result = inventory.importFile(org, name(file), bytes(file), principal.getName());
			redirect.addFlashAttribute("inventoryCreated", result.created());
			redirect.addFlashAttribute("inventoryUpdated", result.updated());
			redirect.addFlashAttribute("inventoryNotes", result.notes());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("networkError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/network#inventory-upload";
	}

	@GetMapping("/orgs/{org}/network")
	@PreAuthorize("@access.canView(#org)")
	String overview(@PathVariable OrgId org, @RequestParam(required = false) String state, Model model) {
		NetworkFindingState filter = state == null ? null : NetworkFindingState.fromCode(state).orElse(null);
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("vendors", Arrays.stream(Vendor.values()).filter(v -> v != Vendor.UNKNOWN).toList());
		model.addAttribute("devices", analyser.deviceChoices(org));
		model.addAttribute("analyses", findings.analyses(org));
		model.addAttribute("findings", findings.list(org, filter));
		model.addAttribute("state", filter);
		model.addAttribute("states", NetworkFindingState.values());
		model.addAttribute("time", TIME);
		return "network/network";
	}

	@PostMapping("/orgs/{org}/network/configs")
	@PreAuthorize("@access.canEdit(#org)")
	String uploadConfig(@PathVariable OrgId org, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String vendor, @RequestParam(required = false) String deviceId,
			Principal principal, RedirectAttributes redirect) throws IOException {
		try {
			Vendor chosen = vendor == null || vendor.isBlank() || "auto".equals(vendor) ? null
					: Vendor.ofId(vendor).orElseThrow(() -> new BadInputException("機器の種類を選び直してください"));
			UUID device = deviceId == null || deviceId.isBlank() ? null : parseUuid(deviceId);
			NetworkAnalysis analysis = analyser.analyseConfig(org, name(file), bytes(file), chosen, device,
					principal.getName());
			return "redirect:/orgs/" + org + "/network/analyses/" + analysis.id();
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("networkError", ex.getMessage());
			return "redirect:/orgs/" + org + "/network";
		}
	}

	@PostMapping("/orgs/{org}/network/scans")
	@PreAuthorize("@access.canEdit(#org)")
	String uploadScan(@PathVariable OrgId org, @RequestParam(name = "file", required = false) MultipartFile file,
			Principal principal, RedirectAttributes redirect) throws IOException {
		try {
			NetworkAnalysis analysis = analyser.analyseScan(org, name(file), bytes(file), principal.getName());
			return "redirect:/orgs/" + org + "/network/analyses/" + analysis.id();
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("networkError", ex.getMessage());
			return "redirect:/orgs/" + org + "/network";
		}
	}

	@GetMapping("/orgs/{org}/network/analyses/{id}")
	@PreAuthorize("@access.canView(#org)")
	String analysis(@PathVariable OrgId org, @PathVariable UUID id, Model model) {
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("analysis", findings.requireAnalysis(org, id));
		model.addAttribute("findings", findings.of(org, id));
		model.addAttribute("devices", analyser.deviceChoices(org));
		model.addAttribute("time", TIME);
		return "network/analysis";
	}

	@GetMapping("/orgs/{org}/network/findings/{id}")
	@PreAuthorize("@access.canView(#org)")
	String finding(@PathVariable OrgId org, @PathVariable UUID id, Model model) {
		var finding = findings.require(org, id);
		model.addAttribute("org", organizations.require(org));
		model.addAttribute("finding", finding);
		model.addAttribute("analysis", findings.requireAnalysis(org, finding.analysisId()));
		model.addAttribute("comments", findings.comments(org, id));
		model.addAttribute("states", NetworkFindingState.values());
		model.addAttribute("time", TIME);
		return "network/finding";
	}

	@PostMapping("/orgs/{org}/network/findings/{id}/triage")
	@PreAuthorize("@access.canEdit(#org)")
	String triage(@PathVariable OrgId org, @PathVariable UUID id,
			@RequestParam(required = false) Integer expectedVersion, @RequestParam(required = false) String state,
			@RequestParam(required = false) String comment, Principal principal, RedirectAttributes redirect) {
		try {
			if (expectedVersion == null) {
				throw new BadInputException("画面を開き直してから、もう一度変更してください");
			}
			NetworkFindingState newState = NetworkFindingState.fromCode(state == null ? "" : state)
				.orElseThrow(() -> new BadInputException("状態を選んでください"));
			findings.triage(org, id, expectedVersion, newState, comment, principal.getName());
			redirect.addFlashAttribute("findingNotice", true);
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("findingError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/network/findings/" + id;
	}

	private static String name(MultipartFile file) {
		return file == null ? null : file.getOriginalFilename();
	}

	private static byte[] bytes(MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new BadInputException("ファイルを選んでください");
		}
		if (file.getSize() > AnalyseNetworkFiles.MAX_BYTES) {
			throw new BadInputException("ファイルが大きすぎます（32MBまで）");
		}
		return file.getBytes();
	}

	private static UUID parseUuid(String value) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new BadInputException("選んだ機器が正しくありません。画面を開き直してください");
		}
	}

}
