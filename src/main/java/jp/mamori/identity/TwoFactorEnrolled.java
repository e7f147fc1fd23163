package jp.mamori.identity;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A user enrolled an authenticator app (one event per organisation they belong to).
 */
public record TwoFactorEnrolled(OrgId org, String username) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, username, "identity.2fa.enrolled", username, "TOTP");
	}

}
