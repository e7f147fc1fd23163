package jp.mamori.assessment;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * An assessment was created (seeded from an earlier one when {@code seededFrom} is set).
 */
public record AssessmentCreated(UUID assessment, OrgId org, int fiscalYear, String versionId, String form,
		UUID seededFrom, String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "assessment.created", assessment.toString(),
				fiscalYear + "年度 " + versionId + " " + form + (seededFrom == null ? "" : " 引継元=" + seededFrom));
	}

}
