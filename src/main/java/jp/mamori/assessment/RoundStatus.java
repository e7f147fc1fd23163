package jp.mamori.assessment;

/** A round is open for answers until it is submitted; then it is read-only. */
public enum RoundStatus {

	OPEN, SUBMITTED;

	public String code() {
		return name().toLowerCase();
	}

}
