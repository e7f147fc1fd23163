package jp.mamori.assessment;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/** A round was submitted and is now read-only. */
public record RoundSubmitted(UUID assessment, OrgId org, int round, int unanswered, String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "assessment.round.submitted", assessment + " " + round + "回目",
				"未回答 " + unanswered + " 件");
	}

}
