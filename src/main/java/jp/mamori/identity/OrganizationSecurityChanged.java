package jp.mamori.identity;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * An administrator changed whether the organisation requires two-factor authentication of
 * all its members.
 */
public record OrganizationSecurityChanged(OrgId org, String changedBy, boolean requireTwoFactorBefore,
		boolean requireTwoFactor) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, changedBy, "identity.2fa.organization-policy-changed", "require_two_factor",
				requireTwoFactorBefore + " → " + requireTwoFactor);
	}

}
