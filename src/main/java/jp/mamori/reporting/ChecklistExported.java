package jp.mamori.reporting;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * The official checklist of an assessment was exported (downloaded or written by the
 * command line).
 *
 * @param round the last round on the exported form (rounds 1…round are shown)
 * @param format {@code xlsx} or {@code pdf}
 */
public record ChecklistExported(OrgId org, UUID assessment, int round, String format, String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "reporting.checklist.exported", assessment + " " + round + "回目",
				"公式様式を出力 (" + format + ")");
	}

}
