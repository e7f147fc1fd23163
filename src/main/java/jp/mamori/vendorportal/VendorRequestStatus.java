package jp.mamori.vendorportal;

import java.util.Arrays;

/** Where a 事業者確認用 request stands, as both sides see it. */
public enum VendorRequestStatus {

	/** 依頼済み: sent, the vendor has not answered yet. */
	REQUESTED("requested"),
	/** 回答済み: the vendor submitted its answer; the client reviews it. */
	ANSWERED("answered"),
	/** 確認済み: the client accepted; the answers are in its 事業者確認用. */
	ACCEPTED("accepted"),
	/** 差戻し: the client returned it with a comment; the vendor answers again. */
	RETURNED("returned");

	private final String code;

	VendorRequestStatus(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static VendorRequestStatus require(String code) {
		return Arrays.stream(values())
			.filter(s -> s.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("unknown vendor request status: " + code));
	}

	/** The vendor may (re)write its answer. */
	public boolean isOpenToVendor() {
		return this == REQUESTED || this == RETURNED;
	}

}
