package jp.mamori.identity;

import java.util.List;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/** An account was deactivated: its sessions end and its tokens stop at once. */
public record UserDeactivated(String username, List<OrgId> organizations, String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(null, by, "identity.user.deactivated", username, "");
	}

	@Override
	public List<AuditFacts> audits() {
		return Auditable.perOrganization(organizations, audit());
	}

}
