package jp.mamori.network;

import java.time.Instant;

/**
 * One entry of a network finding's triage trail.
 *
 * @param state the state it was set to
 * @param body the comment, may be null
 * @param createdAt when
 * @param createdBy who
 */
public record NetworkFindingComment(NetworkFindingState state, String body, Instant createdAt, String createdBy) {
}
