package jp.mamori.vendorportal;

import jp.mamori.shared.OrgId;

/**
 * What a client sees of a product one of its vendors named for its requests: the product,
 * its current MDS/SDS (null when none uploaded yet) and the client's review of that
 * document (null when not reviewed).
 */
public record ClientDocument(OrgId vendor, String vendorName, VendorProduct product, VendorDocument current,
		DocumentReview review) {

	public boolean reviewed() {
		return review != null && review.complete();
	}

}
