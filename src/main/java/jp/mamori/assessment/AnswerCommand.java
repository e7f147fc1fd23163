package jp.mamori.assessment;

import java.time.LocalDate;

/**
 * What a person submits for one row: the value as a code ({@code yes|no|not_required}),
 * 確認日, 目標日, 備考, and the version they read (null from API callers that do not lock).
 */
public record AnswerCommand(String answer, LocalDate checkedOn, LocalDate targetDate, String note,
		Integer expectedVersion) {

}
