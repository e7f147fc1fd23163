package jp.mamori.identity;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A user replaced their recovery codes; the old ones no longer work.
 */
public record RecoveryCodesRegenerated(OrgId org, String username) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, username, "identity.2fa.recovery-codes-regenerated", username, null);
	}

}
