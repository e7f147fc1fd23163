package jp.mamori.identity;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A recovery code was accepted instead of a code from the app; it cannot be used again.
 */
public record RecoveryCodeUsed(OrgId org, String username, int remaining) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, username, "identity.2fa.recovery-code-used", username, "remaining " + remaining);
	}

}
