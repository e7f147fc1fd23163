package jp.mamori.vendorportal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.OrgId;

/**
 * A clinic's request to a vendor organisation to fill the 事業者確認用 form.
 *
 * @param systems the systems the answer covers, as the clinic typed them
 * @param returnComment the clinic's comment when it last returned the answer
 * @param assessmentId the clinic's 事業者確認用 assessment the answer went into, once accepted
 * @param dueDate 回答期限, or null when the client set none
 * @param source {@code portal} (the vendor answered in Mamori) or {@code excel} (the
 * client imported the vendor's filled Excel form)
 */
public record VendorRequest(UUID id, OrgId client, OrgId vendor, int fiscalYear, String versionId, String systems,
		VendorRequestStatus status, String returnComment, Instant requestedAt, String requestedBy, Instant answeredAt,
		String answeredBy, Instant decidedAt, String decidedBy, UUID assessmentId, LocalDate dueDate, String source) {

	public static final String PORTAL = "portal";

	public static final String EXCEL = "excel";

	/** 令和7年度 for 2025. */
	public String fiscalYearLabel() {
		return FiscalYear.of(fiscalYear).japaneseLabel();
	}

	/** 期限超過: still waiting for the vendor after the 回答期限. */
	public boolean overdueOn(LocalDate today) {
		return dueDate != null && status.isOpenToVendor() && dueDate.isBefore(today);
	}

}
