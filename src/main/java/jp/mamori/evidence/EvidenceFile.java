package jp.mamori.evidence;

import java.time.Instant;
import java.util.UUID;

import jp.mamori.shared.OrgId;

/** A stored file's metadata (the bytes are fetched separately). */
public record EvidenceFile(UUID id, OrgId org, String fileName, String contentType, long sizeBytes, String sha256,
		Instant uploadedAt, String uploadedBy) {

}
