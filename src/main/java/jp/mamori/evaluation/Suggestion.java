package jp.mamori.evaluation;

import java.util.Collection;

/** The answer the evidence suggests for an item. */
public enum Suggestion {

	YES("yes"), NO("no"), UNDETERMINED("undetermined");

	private final String code;

	Suggestion(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	/**
	 * いいえ if any check failed; はい if at least one passed and none failed or lacked data;
	 * 未判定 otherwise (no check bound, or not enough data).
	 */
	public static Suggestion of(Collection<CheckStatus> statuses) {
		if (statuses.contains(CheckStatus.FAIL)) {
			return NO;
		}
		if (statuses.contains(CheckStatus.PASS) && !statuses.contains(CheckStatus.UNKNOWN)) {
			return YES;
		}
		return UNDETERMINED;
	}

}
