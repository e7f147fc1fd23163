package jp.mamori.vendorportal;

import java.time.Instant;
import java.util.UUID;

import jp.mamori.shared.OrgId;

/**
 * A product or service a vendor organisation answers the 事業者確認用 for once, and shares with
 * every client it serves with it.
 *
 * @param productVersion the product's own version (e.g. {@code 5.2}), empty when none
 */
public record VendorProduct(UUID id, OrgId vendor, String name, String productVersion, String description,
		Instant createdAt, String createdBy) {

	/** {@code 電子カルテ X 5.2}: the name with its version, as lists show it. */
	public String label() {
		return productVersion == null || productVersion.isEmpty() ? name : name + " " + productVersion;
	}

}
