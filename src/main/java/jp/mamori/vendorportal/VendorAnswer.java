package jp.mamori.vendorportal;

import java.time.LocalDate;

/**
 * The vendor's answer to one row of the 事業者確認用 form.
 *
 * @param answer {@code yes} or {@code no}
 * @param targetDate 目標日, for いいえ only
 * @param note 備考, may be null
 */
public record VendorAnswer(String itemId, String answer, LocalDate targetDate, String note) {

	public boolean isYes() {
		return "yes".equals(answer);
	}

}
