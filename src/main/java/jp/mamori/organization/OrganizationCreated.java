package jp.mamori.organization;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/** A new organisation was created. */
public record OrganizationCreated(OrgId org, String name, OrgKind kind, String createdBy) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, createdBy, "organization.created", org.toString(), name + " (" + kind.code() + ")");
	}

}
