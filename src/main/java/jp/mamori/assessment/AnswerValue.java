package jp.mamori.assessment;

import java.util.Arrays;
import java.util.Optional;

/** What may be circled for an item. */
public enum AnswerValue {

	YES("yes"), NO("no"),
	/** 記入不要: only where a form rule allows it (no vendor contract for 2-②/③). */
	NOT_REQUIRED("not_required");

	private final String code;

	AnswerValue(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<AnswerValue> fromCode(String code) {
		return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
	}

}
