package jp.mamori.assessment;

import java.time.Instant;

/** 1回目, 2回目 … of an assessment. */
public record AssessmentRound(int number, RoundStatus status, Instant startedAt, Instant submittedAt,
		String submittedBy) {

	public boolean isOpen() {
		return status == RoundStatus.OPEN;
	}

}
