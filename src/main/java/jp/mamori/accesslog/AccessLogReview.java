package jp.mamori.accesslog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A monthly review of one log source: the evidence for 2-⑪.
 *
 * @param id the review
 * @param sourceId the ログリスト row
 * @param period the month reviewed, {@code 2025-06}
 * @param reviewedOn the day of the review
 * @param findings findings of the organisation at the time
 * @param openFindings of which still open after the review
 * @param body the reviewer's comment
 * @param createdAt when recorded
 * @param createdBy who reviewed
 */
public record AccessLogReview(UUID id, UUID sourceId, String period, LocalDate reviewedOn, int findings,
		int openFindings, String body, Instant createdAt, String createdBy) {
}
