package jp.mamori.organization;

import java.util.Arrays;
import java.util.Optional;

import jp.mamori.shared.BadInputException;

/** What kind of organisation: decides which checklist form it answers by default. */
public enum OrgKind {

	INSTITUTION("institution"), PHARMACY("pharmacy"), VENDOR("vendor"), GROUP("group");

	private final String code;

	OrgKind(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<OrgKind> fromCode(String code) {
		return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
	}

	public static OrgKind require(String code) {
		return fromCode(code).orElseThrow(
				() -> new BadInputException("組織の種別が正しくありません（institution / pharmacy / vendor / group）: " + code));
	}

}
