package jp.mamori.evaluation;

/** The outcome of one check. */
public enum CheckStatus {

	/** The evidence supports はい. */
	PASS,
	/** The evidence shows something that makes はい untrue. */
	FAIL,
	/** Not enough data to say (e.g. the ledger is empty). */
	UNKNOWN,
	/** The check does not apply to this organisation. */
	NOT_APPLICABLE

}
