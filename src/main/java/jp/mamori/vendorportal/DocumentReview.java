package jp.mamori.vendorportal;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jp.mamori.shared.OrgId;

/**
 * A client's review of one MDS/SDS, section by section.
 *
 * @param complete every section has a result
 * @param sections by section id
 */
public record DocumentReview(UUID id, OrgId client, UUID documentId, String reviewedBy, LocalDate reviewedOn,
		boolean complete, Map<String, SectionReview> sections) {

	/** One section's result and comment. */
	public record SectionReview(String sectionId, ReviewResult result, String comment) {
	}

}
