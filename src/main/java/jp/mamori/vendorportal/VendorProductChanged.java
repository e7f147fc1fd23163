package jp.mamori.vendorportal;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A vendor registered a product or saved its shared 事業者確認用 answer or an MDS/SDS: recorded
 * in the vendor organisation's trail only (no client is involved yet).
 *
 * @param action {@code vendor-product.registered|answered|document-uploaded}
 */
public record VendorProductChanged(UUID product, OrgId vendor, String action, String detail,
		String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(vendor, by, action, "vendor-product:" + product, detail);
	}

}
