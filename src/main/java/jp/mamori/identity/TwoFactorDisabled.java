package jp.mamori.identity;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A user turned their own two-factor authentication off, with a valid code.
 */
public record TwoFactorDisabled(OrgId org, String username) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, username, "identity.2fa.disabled", username, "TOTP");
	}

}
