package jp.mamori.assessment;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A row was answered; {@code before}/{@code after} summarise the change for the audit
 * trail.
 */
public record AnswerRecorded(UUID assessment, OrgId org, int round, String itemId, String before, String after,
		String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "assessment.answer.recorded", assessment + " " + round + "回目 " + itemId,
				before + " → " + after);
	}

}
