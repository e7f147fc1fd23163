package jp.mamori.assessment;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.mamori.catalog.CatalogItem;
import jp.mamori.catalog.ChecklistForm;
import jp.mamori.catalog.ChecklistSection;
import jp.mamori.catalog.ChecklistVersion;

/**
 * Read model of one assessment: the form's rows in printed order with every round's
 * answer and the status the form rules give it. Used by the pages, the API and the
 * official exports.
 *
 * @param newConcepts concepts that the assessment this one was seeded from did not have
 * (e.g. R7 ⑦–⑩)
 */
public record AssessmentView(Assessment assessment, ChecklistVersion version, ChecklistForm form,
		boolean vendorContract, List<AssessmentRound> rounds, List<Row> rows, Set<String> newConcepts) {

	/** One row with its answer per round (index 0 = 1回目). */
	public record Row(CatalogItem item, List<RoundAnswer> rounds) {

		public RoundAnswer round(int number) {
			return rounds.get(number - 1);
		}

	}

	/** An answer in one round and the status the rules give it. */
	public record RoundAnswer(Answer answer, ItemStatus status) {

		public boolean answered() {
			return answer.value() != null;
		}

	}

	public AssessmentRound round(int number) {
		if (number < 1 || number > rounds.size()) {
			throw new jp.mamori.shared.NotFoundException(number + "回目はありません");
		}
		return rounds.get(number - 1);
	}

	public AssessmentRound latestRound() {
		return rounds.get(rounds.size() - 1);
	}

	public Optional<Row> row(String itemId) {
		return rows.stream().filter(r -> r.item().id().equals(itemId)).findFirst();
	}

	public boolean isNew(CatalogItem item) {
		return newConcepts.contains(item.concept());
	}

	/** Counts of each status per section heading, in printed order, for one round. */
	public Map<ChecklistSection, Map<ItemStatus, Integer>> countsBySection(int round) {
		Map<ChecklistSection, Map<ItemStatus, Integer>> counts = new LinkedHashMap<>();
		for (ChecklistSection section : form.sections()) {
			Map<ItemStatus, Integer> bySection = new EnumMap<>(ItemStatus.class);
			for (ItemStatus status : ItemStatus.values()) {
				bySection.put(status, 0);
			}
			for (Row row : rows) {
				if (row.item().sectionId().equals(section.id())) {
					bySection.merge(row.round(round).status(), 1, Integer::sum);
				}
			}
			counts.put(section, bySection);
		}
		return counts;
	}

	public long count(int round, ItemStatus status) {
		return rows.stream().filter(r -> r.round(round).status() == status).count();
	}

	public List<Row> unanswered(int round) {
		return rows.stream().filter(r -> r.round(round).status() == ItemStatus.UNANSWERED).toList();
	}

	public long needingRecheck(int round) {
		return rows.stream()
			.filter(r -> r.round(round).answer().needsRecheck() && r.round(round).status() != ItemStatus.NOT_NEEDED)
			.count();
	}

}
