package jp.mamori.vendorportal.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.vendorportal.VendorLinks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The vendor side of contracts: the clients linked to the vendor organisation and, per
 * client, the devices and remote-maintenance connections of the systems the contract
 * covers — read only — with proposals of changes the client approves. Reading is open to
 * any member of the vendor organisation; proposing to its administrators and editors.
 */
@Controller
class VendorClientController {

	private final VendorLinks links;

	VendorClientController(VendorLinks links) {
		this.links = links;
	}

	@GetMapping("/orgs/{org}/clients")
	@PreAuthorize("@access.isMember(#org)")
	String list(@PathVariable OrgId org, Model model) {
		var list = links.ofVendor(org);
		model.addAttribute("org", org);
		model.addAttribute("links", list);
		model.addAttribute("clientNames", list.stream()
			.collect(java.util.stream.Collectors.toMap(l -> l.client().toString(), l -> links.name(l.client()))));
		return "vendorportal/clients";
	}

	@GetMapping("/orgs/{org}/clients/{client}")
	@PreAuthorize("@access.isMember(#org)")
	String show(@PathVariable OrgId org, @PathVariable OrgId client, Model model) {
		model.addAttribute("org", org);
		model.addAttribute("scope", links.scope(org, client));
		model.addAttribute("proposals", links.proposalsOfVendor(org, client));
		return "vendorportal/client-scope";
	}

	@GetMapping("/orgs/{org}/clients/{client}/rows/{ledger}/{id}")
	@PreAuthorize("@access.isMember(#org)")
	String row(@PathVariable OrgId org, @PathVariable OrgId client, @PathVariable String ledger, @PathVariable UUID id,
			Model model) {
		var scoped = links.row(org, client, ledger, id);
		return page(org, scoped, scoped.values(), null, null, model);
	}

	@PostMapping("/orgs/{org}/clients/{client}/rows/{ledger}/{id}")
	@PreAuthorize("@access.canEdit(#org)")
	String propose(@PathVariable OrgId org, @PathVariable OrgId client, @PathVariable String ledger,
			@PathVariable UUID id, @RequestParam Map<String, String> params, Principal principal, Model model) {
		var scoped = links.row(org, client, ledger, id);
		String comment = params.get("comment");
		try {
			links.propose(org, client, ledger, id, params, comment, principal.getName());
		}
		catch (BadInputException ex) {
			Map<String, String> entered = new java.util.LinkedHashMap<>(scoped.values());
			entered.keySet().forEach(k -> entered.computeIfPresent(k, (key, v) -> params.getOrDefault(key, v)));
			return page(org, scoped, entered, comment, ex.getMessage(), model);
		}
		return "redirect:/orgs/" + org + "/clients/" + client + "?proposed";
	}

	private String page(OrgId org, VendorLinks.ScopedRow scoped, Map<String, String> values, String comment,
			String error, Model model) {
		model.addAttribute("org", org);
		model.addAttribute("scoped", scoped);
		model.addAttribute("values", values);
		model.addAttribute("comment", comment);
		model.addAttribute("proposeError", error);
		model.addAttribute("columns", List.copyOf(scoped.table().ledger().columns()));
		return "vendorportal/propose";
	}

}
