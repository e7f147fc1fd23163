package jp.mamori.identity;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A wrong second factor was typed; after several in a row the second factor is locked for
 * a while.
 */
public record TwoFactorFailed(OrgId org, String username, int failuresInARow, boolean locked) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, username, "identity.2fa.failed", username,
				"failures in a row " + failuresInARow + (locked ? ", locked" : ""));
	}

}
