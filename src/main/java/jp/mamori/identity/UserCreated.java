package jp.mamori.identity;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/** A user was created and given a role in an organisation. */
public record UserCreated(OrgId org, String username, OrgRole role, String createdBy) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, createdBy, "identity.user.created", username, role.code());
	}

}
