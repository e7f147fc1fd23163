package jp.mamori.identity;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/** An API token was revoked. */
public record ApiTokenRevoked(OrgId org, UUID tokenId, String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "identity.token.revoked", tokenId.toString(), "");
	}

}
