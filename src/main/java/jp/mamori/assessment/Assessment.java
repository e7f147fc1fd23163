package jp.mamori.assessment;

import java.time.Instant;
import java.util.UUID;

import jp.mamori.catalog.FormCode;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.OrgId;

/**
 * One organisation answering one form of one checklist version for one 年度.
 *
 * @param seededFrom the earlier assessment whose answers were carried over, if any
 * @param subject whose answers these are: empty for the organisation's own forms, the
 * vendor's name for a 事業者確認用 answered by one vendor (one per vendor and 年度)
 */
public record Assessment(UUID id, OrgId org, FiscalYear fiscalYear, String versionId, FormCode form, UUID seededFrom,
		Instant createdAt, String createdBy, String subject) {

	public Assessment {
		subject = subject == null ? "" : subject.strip();
	}

	/** The organisation's own answers (no vendor subject). */
	public Assessment(UUID id, OrgId org, FiscalYear fiscalYear, String versionId, FormCode form, UUID seededFrom,
			Instant createdAt, String createdBy) {
		this(id, org, fiscalYear, versionId, form, seededFrom, createdAt, createdBy, "");
	}

	/**
	 * The form's label, with the vendor's name for a per-vendor 事業者確認用: 事業者確認用（○○メディカル）.
	 */
	public String formLabel() {
		return subject.isEmpty() ? form.label() : form.label() + "（" + subject + "）";
	}

}
