package jp.mamori.vendorportal;

import java.util.Arrays;
import java.util.Optional;

/** The client's finding for one section of an MDS/SDS. */
public enum ReviewResult {

	/** 適合: the disclosure meets what the clinic needs. */
	CONFORMING("conforming"),
	/** 一部適合. */
	PARTIAL("partial"),
	/** 不適合. */
	NONCONFORMING("nonconforming"),
	/** 記載なし: the document says nothing on it. */
	NOT_STATED("not_stated");

	private final String code;

	ReviewResult(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<ReviewResult> of(String code) {
		return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
	}

}
