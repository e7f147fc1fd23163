package jp.mamori.organization;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A group membership was requested, accepted, removed, or its consent changed. Audited in
 * both the member's and the group's trail.
 */
public record GroupMembershipChanged(OrgId group, OrgId member, String change, String detail,
		String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(member, by, "organization.group." + change, group + " / " + member, detail);
	}

	/** Recorded in both trails: the member's (its data) and the group's (who joined). */
	@Override
	public java.util.List<AuditFacts> audits() {
		return Auditable.perOrganization(java.util.List.of(member, group), audit());
	}

}
