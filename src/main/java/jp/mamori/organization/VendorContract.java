package jp.mamori.organization;

import java.time.Instant;
import java.util.UUID;

import jp.mamori.shared.OrgId;

/** A maintenance or service contract between an institution and a vendor (事業者). */
public record VendorContract(UUID id, OrgId org, String vendorName, String systemName, Instant createdAt) {

}
