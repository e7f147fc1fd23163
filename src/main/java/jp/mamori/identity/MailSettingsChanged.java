package jp.mamori.identity;

import java.util.List;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A user changed their e-mail address or reminder choice; recorded in each of their
 * organisations' trails.
 */
public record MailSettingsChanged(String username, List<OrgId> organizations, String before,
		String after) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(null, username, "identity.mail.changed", username, before + " → " + after);
	}

	@Override
	public List<AuditFacts> audits() {
		return Auditable.perOrganization(organizations, audit());
	}

}
