package jp.mamori.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jp.mamori.shared.OrgId;

/**
 * Something to put right, usually made from an item answered いいえ or a failing check: who
 * does it, by when, and where it stands.
 *
 * @param assessmentId the checklist it came from (null for a task entered by hand)
 * @param itemId the checklist item (null for a task entered by hand)
 * @param checkId the check re-run when the task is closed (null when none failed)
 * @param version optimistic-locking version: an update must name the version it read
 */
public record RemediationTask(UUID id, OrgId org, UUID assessmentId, String itemId, String checkId, String title,
		String detail, String owner, LocalDate dueOn, TaskStatus status, Instant createdAt, String createdBy,
		Instant updatedAt, String updatedBy, Instant closedAt, int version) {

	/** Not done and its 期日 has passed. */
	public boolean overdueOn(LocalDate today) {
		return status != TaskStatus.DONE && dueOn != null && dueOn.isBefore(today);
	}

	public boolean isDone() {
		return status == TaskStatus.DONE;
	}

}
