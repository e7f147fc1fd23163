package jp.mamori.identity;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/** An API token was issued (the token itself is never recorded). */
public record ApiTokenCreated(OrgId org, String username, java.util.UUID tokenId,
		String createdBy) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, createdBy, "identity.token.created", username, "token " + tokenId);
	}

}
