package jp.mamori.vendorportal;

import java.time.Instant;
import java.util.UUID;

import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.OrgId;

/**
 * A clinic's request to a vendor organisation to fill the 事業者確認用 form.
 *
 * @param systems the systems the answer covers, as the clinic typed them
 * @param returnComment the clinic's comment when it last returned the answer
 * @param assessmentId the clinic's 事業者確認用 assessment the answer went into, once accepted
 */
public record VendorRequest(UUID id, OrgId client, OrgId vendor, int fiscalYear, String versionId, String systems,
		VendorRequestStatus status, String returnComment, Instant requestedAt, String requestedBy, Instant answeredAt,
		String answeredBy, Instant decidedAt, String decidedBy, UUID assessmentId) {

	/** 令和7年度 for 2025. */
	public String fiscalYearLabel() {
		return FiscalYear.of(fiscalYear).japaneseLabel();
	}

}
