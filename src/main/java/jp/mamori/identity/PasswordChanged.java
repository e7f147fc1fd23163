package jp.mamori.identity;

import java.util.List;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/** A user changed their password; recorded in each of their organisations' trails. */
public record PasswordChanged(String username, List<OrgId> organizations) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(null, username, "identity.password.changed", username, "");
	}

	@Override
	public List<AuditFacts> audits() {
		return Auditable.perOrganization(organizations, audit());
	}

}
