package jp.mamori.organization;

import java.util.Arrays;
import java.util.Optional;

import jp.mamori.shared.BadInputException;

/**
 * What a member organisation lets its group see, set by the member's administrator:
 * nothing, its numbers only, or its numbers with the per-item detail (drill-down).
 */
public enum DetailConsent {

	/**
	 * The group sees the member's name only; its answers are left out of every aggregate.
	 */
	NONE("none"),
	/**
	 * Counts (answered, はい, overdue, critical findings) and a share in the per-item
	 * aggregates.
	 */
	SUMMARY("summary"),
	/** As summary, plus each item's answer and the per-site drill-down. */
	FULL("full");

	private final String code;

	DetailConsent(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public boolean showsNumbers() {
		return this != NONE;
	}

	public boolean showsDetail() {
		return this == FULL;
	}

	public static Optional<DetailConsent> fromCode(String code) {
		return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
	}

	public static DetailConsent require(String code) {
		return fromCode(code)
			.orElseThrow(() -> new BadInputException("開示範囲の指定が正しくありません（none / summary / full）: " + code));
	}

}
