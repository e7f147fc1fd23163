package jp.mamori.evaluation;

import java.time.Instant;
import java.util.UUID;

/** A comment on a remediation task (also where re-check results are kept). */
public record RemediationTaskComment(UUID id, UUID taskId, String body, Instant createdAt, String createdBy) {

}
