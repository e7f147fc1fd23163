package jp.mamori.assessment;

/** Where an item stands in a round, after the form rules are applied. */
public enum ItemStatus {

	YES, NO,
	/** 記入不要 answered (allowed by the no-vendor-contract rule). */
	NOT_REQUIRED,
	/** 確認不要: the gate item was answered いいえ, so nothing else needs checking. */
	NOT_NEEDED, UNANSWERED;

	public String code() {
		return name().toLowerCase();
	}

	public boolean open() {
		return this == UNANSWERED;
	}

}
