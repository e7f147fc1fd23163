package jp.mamori.assessment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The answer to one row in one round. {@code needsRecheck} (要再確認) marks a value carried
 * over from the previous round or year that nobody has confirmed yet;
 * {@code previousValue} is what was answered then.
 *
 * @param version optimistic-locking version: a write must name the version it read
 */
public record Answer(String itemId, int round, AnswerValue value, LocalDate checkedOn, LocalDate targetDate,
		String note, boolean needsRecheck, AnswerValue previousValue, LocalDate previousCheckedOn, int version,
		Instant updatedAt, String updatedBy) {

	static Answer blank(String itemId, int round) {
		return new Answer(itemId, round, null, null, null, null, false, null, null, 0, null, null);
	}

}
