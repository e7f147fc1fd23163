package jp.mamori.vendorportal;

import java.util.List;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A vendor contract link was made or removed, or a vendor's proposed ledger change was
 * made, approved or rejected: recorded in the trail of both the client and the vendor.
 *
 * @param action {@code vendor-link.linked|unlinked} or
 * {@code vendor-proposal.proposed|approved|rejected}
 * @param target {@code vendor-link:<id>} or {@code vendor-proposal:<id>}
 */
public record VendorLinkChanged(OrgId client, OrgId vendor, String action, String target, String detail,
		String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(client, by, action, target, detail);
	}

	@Override
	public List<AuditFacts> audits() {
		return Auditable.perOrganization(List.of(client, vendor), audit());
	}

}
