package jp.mamori.vendorportal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.mamori.shared.OrgId;

/**
 * A contract between a client and a vendor organisation, as the client's administrator
 * registered it: the vendor's users see the client's devices and remote-maintenance
 * connections of these systems, and may address 事業者確認用 requests only for them.
 *
 * @param contractNumber 契約番号
 * @param systems the client's system names the contract covers, as they are written in
 * its ledgers
 * @param emergencyContact 緊急連絡先, may be null
 */
public record VendorLink(UUID id, OrgId client, OrgId vendor, String contractNumber, List<String> systems,
		String emergencyContact, Instant createdAt, String createdBy) {

	/** The systems as one line, for lists. */
	public String systemsText() {
		return String.join("、", systems);
	}

}
