package jp.mamori.reporting.internal;

import jp.mamori.assessment.ItemStatus;
import jp.mamori.catalog.FormCode;

/**
 * The wording printed on the official MHLW form. It is data, not interface text: the form
 * exists in Japanese only, so these strings are not translated through the message
 * bundles.
 */
final class FormWording {

	/** Printed at the top of the form from 令和6年度版 on. */
	static final String INSPECTION_NOTICE = "立入検査時、本チェックリストを確認します";

	/** The first 年度 whose form carries {@link #INSPECTION_NOTICE}. */
	static final int INSPECTION_NOTICE_SINCE = 2024;

	static final String FISCAL_YEAR = "対象年度: ";

	static final String NUMBER = "項目番号";

	static final String ITEM = "チェック項目";

	static final String SCOPE = "対象";

	static final String RESULT = "確認結果";

	static final String CHECKED_ON = "確認日";

	static final String TARGET_DATE = "目標日";

	static final String NOTE = "備考";

	static final String REFERENCE = "（参考）";

	static final String PARTIAL_REFERENCE = "（一部参考）";

	private FormWording() {
	}

	/** 1回目, 2回目 … */
	static String round(int number) {
		return number + "回目";
	}

	/** 【医療機関確認用】 */
	static String formTitle(String title) {
		return "【" + title + "】";
	}

	/** The name line: 医療機関名 / 薬局名 / 事業者名, after whom the form is filled in. */
	static String nameLabel(FormCode form) {
		return switch (form) {
			case INSTITUTION -> "医療機関名: ";
			case PHARMACY -> "薬局名: ";
			case VENDOR -> "事業者名: ";
		};
	}

	/** What the 確認結果 column shows for a status; empty while unanswered. */
	static String result(ItemStatus status) {
		return switch (status) {
			case YES -> "はい";
			case NO -> "いいえ";
			case NOT_REQUIRED -> "記入不要";
			case NOT_NEEDED -> "確認不要";
			case UNANSWERED -> "";
		};
	}

}
