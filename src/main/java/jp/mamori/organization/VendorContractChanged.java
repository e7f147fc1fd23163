package jp.mamori.organization;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/** A vendor contract was recorded ({@code removed == false}) or removed. */
public record VendorContractChanged(OrgId org, UUID contractId, String vendorName, boolean removed,
		String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, removed ? "organization.contract.removed" : "organization.contract.recorded",
				contractId.toString(), vendorName);
	}

}
