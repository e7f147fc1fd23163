package jp.mamori.identity;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/** A member joined ({@code before} null), changed role, or left ({@code after} null). */
public record MembershipChanged(OrgId org, String username, OrgRole before, OrgRole after,
		String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		String action = before == null ? "identity.member.joined"
				: after == null ? "identity.member.removed" : "identity.member.role.changed";
		return new AuditFacts(org, by, action, username,
				(before == null ? "-" : before.code()) + " → " + (after == null ? "-" : after.code()));
	}

}
