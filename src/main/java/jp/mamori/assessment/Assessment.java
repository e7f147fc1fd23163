package jp.mamori.assessment;

import java.time.Instant;
import java.util.UUID;

import jp.mamori.catalog.FormCode;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.OrgId;

/**
 * One organisation answering one form of one checklist version for one 年度.
 *
 * @param seededFrom the earlier assessment whose answers were carried over, if any
 */
public record Assessment(UUID id, OrgId org, FiscalYear fiscalYear, String versionId, FormCode form, UUID seededFrom,
		Instant createdAt, String createdBy) {

}
