package jp.mamori.accesslog;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * Someone set the triage state of a log finding.
 *
 * @param org the organisation
 * @param findingId the finding
 * @param rule its rule
 * @param state the new state
 * @param by who
 */
public record AccessLogFindingTriaged(OrgId org, UUID findingId, String rule, FindingState state,
		String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "accesslog.finding.triaged", rule + " " + findingId, state.code());
	}

}
