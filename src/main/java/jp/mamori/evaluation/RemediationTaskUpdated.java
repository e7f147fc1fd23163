package jp.mamori.evaluation;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A remediation task's owner, 期日 or status changed; {@code detail} is the before → after
 * summary (with the re-check result when it was closed).
 */
public record RemediationTaskUpdated(OrgId org, UUID taskId, String detail, String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "evaluation.task.updated", "task " + taskId, detail);
	}

}
