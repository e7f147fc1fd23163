package jp.mamori.identity;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A second factor was accepted: a code from the app or a recovery code.
 */
public record TwoFactorVerified(OrgId org, String username, String method) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, username, "identity.2fa.verified", username, method);
	}

}
