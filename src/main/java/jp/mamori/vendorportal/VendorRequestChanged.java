package jp.mamori.vendorportal;

import java.util.List;
import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A 事業者確認用 request was sent, answered, accepted or returned: recorded in the trail of
 * both the clinic and the vendor organisation.
 *
 * @param action {@code vendor-request.requested|answered|accepted|returned}
 */
public record VendorRequestChanged(UUID request, OrgId client, OrgId vendor, String action, String detail,
		String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(client, by, action, "vendor-request:" + request, detail);
	}

	@Override
	public List<AuditFacts> audits() {
		return Auditable.perOrganization(List.of(client, vendor), audit());
	}

}
