package jp.mamori.identity;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/** An invitation was created, accepted or revoked. */
public record InvitationChanged(OrgId org, UUID invitation, OrgRole role, String what, String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "identity.invitation." + what, invitation.toString(),
				role == null ? "" : role.code());
	}

}
