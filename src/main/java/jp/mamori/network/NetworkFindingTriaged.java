package jp.mamori.network;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * Someone set the triage state of a network finding.
 *
 * @param org the organisation
 * @param findingId the stored finding
 * @param kind its finding id ({@code any-source-allowed} …)
 * @param state the new state
 * @param by who
 */
public record NetworkFindingTriaged(OrgId org, UUID findingId, String kind, NetworkFindingState state,
		String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "network.finding.triaged", kind + " " + findingId, state.code());
	}

}
