package jp.mamori.vendorportal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jp.mamori.shared.OrgId;

/**
 * A JAHIS MDS (製造業者による医療情報セキュリティ開示書) or SDS (サービス事業者による…) a vendor uploaded for one of
 * its products. The file is an evidence file of the vendor organisation. The current
 * document of a product is the one with the latest issue date.
 *
 * @param kind {@code mds} or {@code sds}
 * @param documentVersion the document's own version, as printed on it
 */
public record VendorDocument(UUID id, OrgId vendor, UUID productId, String kind, String documentVersion,
		LocalDate issuedOn, UUID evidenceFileId, String fileName, Instant uploadedAt, String uploadedBy) {

	/** {@code MDS} or {@code SDS}. */
	public String kindLabel() {
		return kind.toUpperCase(java.util.Locale.ROOT);
	}

}
