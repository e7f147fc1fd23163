package jp.mamori.vendorportal;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The vendor's answer to one row of the 事業者確認用 form.
 *
 * @param answer {@code yes} or {@code no}
 * @param targetDate 目標日, for いいえ only
 * @param note 備考, may be null
 * @param productId the product answer the row was drawn from, or null when the vendor
 * answered the request directly
 * @param adjusted the vendor changed the row from the product answer for this client
 */
public record VendorAnswer(String itemId, String answer, LocalDate targetDate, String note, UUID productId,
		boolean adjusted) {

	public VendorAnswer(String itemId, String answer, LocalDate targetDate, String note) {
		this(itemId, answer, targetDate, note, null, false);
	}

	public boolean isYes() {
		return "yes".equals(answer);
	}

	/** Same はい/いいえ, 目標日 and 備考 (blank notes count as none). */
	public boolean sameContent(VendorAnswer other) {
		return other != null && Objects.equals(answer, other.answer) && Objects.equals(targetDate, other.targetDate)
				&& Objects.equals(blankToNull(note), blankToNull(other.note));
	}

	VendorAnswer from(UUID product, boolean changed) {
		return new VendorAnswer(itemId, answer, targetDate, note, product, changed);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
