package jp.mamori.rollup.web;

import java.nio.charset.StandardCharsets;

import jp.mamori.rollup.GroupRollup;
import jp.mamori.rollup.Rollup;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.OrgId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The group's roll-up page, its Excel export and the per-site drill-down. Open to users
 * with a role in the group organisation only (a member organisation's own users are not
 * members of the group).
 */
@Controller
class RollupController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final GroupRollup rollups;

	RollupController(GroupRollup rollups) {
		this.rollups = rollups;
	}

	@GetMapping("/groups/{group}/rollup")
	@PreAuthorize("@access.canView(#group)")
	String page(@PathVariable OrgId group, @RequestParam(required = false) Integer fy, Model model) {
		model.addAttribute("r", rollups.rollup(group, fiscalYear(fy)));
		model.addAttribute("criticalChecks", Rollup.CRITICAL_CHECKS);
		return "rollup/rollup";
	}

	@GetMapping("/groups/{group}/rollup.xlsx")
	@PreAuthorize("@access.canView(#group)")
	ResponseEntity<byte[]> workbook(@PathVariable OrgId group, @RequestParam(required = false) Integer fy) {
		Rollup rollup = rollups.rollup(group, fiscalYear(fy));
		byte[] content = rollups.workbook(rollup);
		String name = "rollup-" + rollup.fiscalYear().startYear() + ".xlsx";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentLength(content.length)
			.body(content);
	}

	@GetMapping("/groups/{group}/rollup/members/{member}")
	@PreAuthorize("@access.canView(#group)")
	String detail(@PathVariable OrgId group, @PathVariable OrgId member, @RequestParam(required = false) Integer fy,
			Model model) {
		model.addAttribute("d", rollups.detail(group, member, fiscalYear(fy)));
		return "rollup/member";
	}

	private FiscalYear fiscalYear(Integer fy) {
		return fy == null ? rollups.currentFiscalYear() : FiscalYear.of(fy);
	}

}
