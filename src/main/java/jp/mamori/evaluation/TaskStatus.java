package jp.mamori.evaluation;

import java.util.Arrays;
import java.util.Optional;

/** Where a remediation task stands. */
public enum TaskStatus {

	OPEN("open"), IN_PROGRESS("in_progress"), DONE("done");

	private final String code;

	TaskStatus(String code) {
		this.code = code;
	}

	/** Stable code stored in the database and used in URLs and the API. */
	public String code() {
		return code;
	}

	public static Optional<TaskStatus> fromCode(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}

}
