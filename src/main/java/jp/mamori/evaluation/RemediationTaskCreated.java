package jp.mamori.evaluation;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/** A remediation task was created (from a checklist item or by hand). */
public record RemediationTaskCreated(OrgId org, UUID taskId, String itemId, String title,
		String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "evaluation.task.created", "task " + taskId,
				(itemId == null ? "" : itemId + ": ") + title);
	}

}
