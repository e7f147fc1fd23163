package jp.mamori.catalog;

/** Form rules that make other answers unnecessary. */
public enum ApplicabilityRule {

	/** 医療情報システムを導入、運用している: いいえ makes every other item 確認不要. */
	GATE("gate"),
	/** ※事業者と契約していない場合には、記入不要. */
	VENDOR_CONTRACT("vendor_contract");

	private final String code;

	ApplicabilityRule(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

}
