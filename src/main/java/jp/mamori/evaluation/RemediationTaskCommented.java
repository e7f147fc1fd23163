package jp.mamori.evaluation;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/** Somebody commented on a remediation task. */
public record RemediationTaskCommented(OrgId org, UUID taskId, UUID commentId, String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "evaluation.task.commented", "task " + taskId, "comment " + commentId);
	}

}
