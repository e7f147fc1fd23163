package jp.mamori.accesslog;

import java.util.Arrays;
import java.util.Optional;

/** Where the triage of a finding stands. */
public enum FindingState {

	/** 未確認: nobody has looked at it yet. */
	NEW("new"),
	/** 確認済み: looked at; real but needs nothing more (or already handled). */
	CONFIRMED("confirmed"),
	/** 対応中: being dealt with. */
	IN_PROGRESS("in_progress"),
	/** 誤検知: not what the rule suspected. */
	FALSE_POSITIVE("false_positive");

	private final String code;

	FindingState(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<FindingState> fromCode(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}

}
