package jp.mamori.evidence.web;

import java.util.UUID;

import jp.mamori.evidence.EvidenceContent;
import jp.mamori.evidence.EvidenceFiles;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Downloads a stored evidence file of the organisation, always as an attachment. */
@Controller
class EvidenceController {

	private final EvidenceFiles files;

	EvidenceController(EvidenceFiles files) {
		this.files = files;
	}

	@GetMapping("/orgs/{org}/evidence/{id}")
	@PreAuthorize("@access.canView(#org)")
	ResponseEntity<byte[]> download(@PathVariable OrgId org, @PathVariable UUID id) {
		EvidenceContent content = files.content(org, id).orElseThrow(() -> new NotFoundException("ファイルが見つかりません"));
		return content.asAttachment();
	}

}
