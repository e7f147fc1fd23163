package jp.mamori.identity;

import java.util.Arrays;
import java.util.Optional;

import jp.mamori.shared.BadInputException;

/** A user's role within one organisation. */
public enum OrgRole {

	/** 管理者: the 医療情報システム安全管理責任者 or whoever administers the organisation. */
	ADMIN("admin"),
	/** 担当者: keeps the checklist and ledgers. */
	EDITOR("editor"),
	/** 閲覧者: reads, e.g. management. */
	VIEWER("viewer"),
	/**
	 * 事業者: a vendor's user; sees nothing of the organisation until the vendor portal
	 * grants it.
	 */
	VENDOR("vendor");

	private final String code;

	OrgRole(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public boolean canView() {
		return this != VENDOR;
	}

	public boolean canEdit() {
		return this == ADMIN || this == EDITOR;
	}

	public boolean canAdminister() {
		return this == ADMIN;
	}

	public static Optional<OrgRole> fromCode(String code) {
		return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
	}

	public static OrgRole require(String code) {
		return fromCode(code)
			.orElseThrow(() -> new BadInputException("権限の指定が正しくありません（admin / editor / viewer / vendor）: " + code));
	}

}
