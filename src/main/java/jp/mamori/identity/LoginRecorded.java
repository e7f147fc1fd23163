package jp.mamori.identity;

import java.util.List;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A login attempt: succeeded, failed, or refused because the account or address is
 * locked. Recorded in the trail of every organisation the user belongs to (instance-wide
 * for unknown user names).
 */
public record LoginRecorded(String username, String address, Outcome outcome,
		List<OrgId> organizations) implements Auditable {

	public enum Outcome {

		SUCCEEDED("identity.login.succeeded"), FAILED("identity.login.failed"), LOCKED("identity.login.locked"),
		LOCKED_OUT("identity.account.locked"), LOGGED_OUT("identity.logout");

		private final String action;

		Outcome(String action) {
			this.action = action;
		}

	}

	@Override
	public AuditFacts audit() {
		return new AuditFacts(null, username, outcome.action, username, "address=" + address);
	}

	@Override
	public List<AuditFacts> audits() {
		return Auditable.perOrganization(organizations, audit());
	}

}
