package jp.mamori.vendorportal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.mamori.shared.OrgId;

/**
 * A vendor's proposed change to one in-scope ledger row of a client; the row changes only
 * when the client approves.
 *
 * @param ledgerId {@code devices} or {@code remote-connections}
 * @param rowLabel the row's label when proposed (device name, vendor …)
 * @param decisionComment the client's comment on approval or rejection, may be null
 */
public record VendorProposal(UUID id, OrgId client, OrgId vendor, String ledgerId, UUID rowId, String rowLabel,
		String comment, VendorProposalStatus status, List<Change> changes, Instant proposedAt, String proposedBy,
		Instant decidedAt, String decidedBy, String decisionComment) {

	/**
	 * One column's proposed value.
	 *
	 * @param header the column's Japanese header, for pages
	 * @param oldValue the value when proposed, as shown
	 * @param newValue the proposed value as typed (empty clears the cell)
	 */
	public record Change(String column, String header, String oldValue, String newValue) {
	}

}
