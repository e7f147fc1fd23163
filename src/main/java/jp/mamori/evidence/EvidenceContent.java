package jp.mamori.evidence;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored file with its bytes, for download. */
public record EvidenceContent(EvidenceFile file, byte[] bytes) {

	/**
	 * The file as a download: its stored type, its name as an RFC 5987 attachment, and no
	 * type sniffing by the browser. Every module that serves stored files answers with
	 * this.
	 */
	public ResponseEntity<byte[]> asAttachment() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(bytes);
	}

}
