package jp.mamori.evidence;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/** A file was stored and linked to its owner. */
public record EvidenceStored(OrgId org, UUID evidenceId, String fileName, String sha256, String ownerType,
		String ownerRef, String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "evidence.stored", ownerType + " " + ownerRef, fileName + " sha256=" + sha256);
	}

}
