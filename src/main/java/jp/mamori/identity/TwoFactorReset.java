package jp.mamori.identity;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * An organisation administrator removed a member's authenticator (a lost phone); the
 * member enrols again.
 */
public record TwoFactorReset(OrgId org, String resetBy, String username) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, resetBy, "identity.2fa.reset", username, "TOTP");
	}

}
