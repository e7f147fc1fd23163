package jp.mamori.assessment;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/** A further round was started, pre-filled from the previous one. */
public record RoundStarted(UUID assessment, OrgId org, int round, String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "assessment.round.started", assessment + " " + round + "回目", "");
	}

}
