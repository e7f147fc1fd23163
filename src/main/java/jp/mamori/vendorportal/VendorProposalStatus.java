package jp.mamori.vendorportal;

import java.util.Arrays;

/** Where a vendor's proposed ledger change stands. */
public enum VendorProposalStatus {

	/** 確認待ち: the client has not decided yet. */
	PENDING("pending"),
	/** 承認: applied to the client's ledger row. */
	APPROVED("approved"),
	/** 却下: rejected with a comment; the row is unchanged. */
	REJECTED("rejected");

	private final String code;

	VendorProposalStatus(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static VendorProposalStatus require(String code) {
		return Arrays.stream(values())
			.filter(s -> s.code.equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("unknown vendor proposal status: " + code));
	}

}
