package jp.mamori.continuity.web;

import java.nio.charset.StandardCharsets;

import jp.mamori.continuity.ContactChart;
import jp.mamori.continuity.ContactLedger;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.OrgId;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The 連絡体制図 (checklist item 3-①): a page showing it with what is still missing, and the
 * chart itself as an SVG image that can be opened alone to print.
 */
@Controller
@RequestMapping("/orgs/{org}")
class ContactChartController {

	static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

	private final ContactChart chart;

	private final Organizations organizations;

	ContactChartController(ContactChart chart, Organizations organizations) {
		this.chart = chart;
		this.organizations = organizations;
	}

	@GetMapping("/contact-chart")
	@PreAuthorize("@access.canView(#org)")
	String page(@PathVariable OrgId org, Model model) {
		model.addAttribute("orgId", org);
		model.addAttribute("ledgerId", ContactLedger.CONTACTS);
		model.addAttribute("contactCount", chart.count(org));
		model.addAttribute("missing", chart.missingCategories(org));
		return "continuity/contact-chart";
	}

	@GetMapping("/contact-chart.svg")
	@PreAuthorize("@access.canView(#org)")
	ResponseEntity<byte[]> svg(@PathVariable OrgId org) {
		String name = organizations.find(org).map(Organization::name).orElse("");
		byte[] body = chart.svg(org, name).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(SVG)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("contact-chart.svg").build().toString())
			// contacts change; the page must show the ledger as it is now
			.cacheControl(CacheControl.noStore())
			.body(body);
	}

}
