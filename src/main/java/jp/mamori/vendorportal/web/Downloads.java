package jp.mamori.vendorportal.web;

import java.nio.charset.StandardCharsets;

import jp.mamori.evidence.EvidenceContent;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored MDS/SDS file as an attachment, as the evidence module serves its files. */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<byte[]> attachment(EvidenceContent content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.file().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(content.file().fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content.bytes());
	}

}
