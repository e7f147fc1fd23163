package jp.mamori.assessment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.mamori.assessment.internal.AssessmentRepository;
import jp.mamori.catalog.Catalog;
import jp.mamori.catalog.CatalogItem;
import jp.mamori.catalog.ChecklistForm;
import jp.mamori.catalog.FormCode;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.OrgId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: start answering a form of a checklist version for a 年度, with round 1 open.
 * When seeded from an earlier assessment (last year, or the previous version), answers
 * carry over through concept keys, each marked 要再確認 with the old answer kept beside it;
 * items the earlier one did not have stay empty and are highlighted as new.
 */
@Service
public class CreateAssessment {

	private final AssessmentRepository repository;

	private final AssessmentQueries queries;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CreateAssessment(AssessmentRepository repository, AssessmentQueries queries, Catalog catalog,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.queries = queries;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Assessment create(OrgId org, Integer fiscalYear, String versionId, String formCode, UUID seedFrom,
			String by) {
		return create(org, fiscalYear, versionId, formCode, seedFrom, "", by);
	}

	/**
	 * Creates an assessment for a subject: a 事業者確認用 holding one vendor's answers (the
	 * vendor's name), so that each vendor of the organisation has its own form per 年度.
	 */
	@Transactional
	public Assessment create(OrgId org, Integer fiscalYear, String versionId, String formCode, UUID seedFrom,
			String subject, String by) {
		String who = subject == null ? "" : subject.strip();
		if (who.length() > 200) {
			throw new InvalidInputException("subject", "事業者名は200文字以内で入力してください");
		}
		if (fiscalYear == null) {
			throw new InvalidInputException("fiscalYear", "年度を入力してください");
		}
		FiscalYear year;
		try {
			year = FiscalYear.of(fiscalYear);
		}
		catch (BadInputException ex) {
			throw new InvalidInputException("fiscalYear", ex.getMessage());
		}
		if (versionId == null || catalog.version(versionId).isEmpty()) {
			throw new InvalidInputException("version", "チェックリストの版が見つかりません: " + versionId);
		}
		FormCode form = FormCode.fromCode(formCode == null ? "" : formCode)
			.orElseThrow(() -> new InvalidInputException("form", "様式は institution / pharmacy / vendor のいずれかです"));
		ChecklistForm checklist = catalog.form(versionId, form)
			.orElseThrow(() -> new InvalidInputException("form", versionId + " に様式 " + form.label() + " はありません"));
		if (!who.isEmpty() && form != FormCode.VENDOR) {
			throw new InvalidInputException("subject", "事業者名を付けられるのは事業者確認用だけです");
		}
		if (repository.find(org, year, form, versionId, who).isPresent()) {
			throw new ConflictException(year.japaneseLabel() + "の" + versionId + "（" + form.label()
					+ (who.isEmpty() ? "" : "・" + who) + "）のチェックリストは既にあります");
		}
		AssessmentView seed = seedFrom == null ? null : queries.view(org, seedFrom);
		Instant now = clock.instant();
		Assessment assessment = new Assessment(UUID.randomUUID(), org, year, versionId, form, seedFrom, now, by, who);
		repository.insert(assessment);
		repository.insertRound(org, assessment.id(), 1, now);
		for (CatalogItem item : checklist.items()) {
			repository.insertAnswer(org, assessment.id(),
					seed == null ? Answer.blank(item.id(), 1) : carried(item, seed));
		}
		events.publishEvent(
				new AssessmentCreated(assessment.id(), org, year.startYear(), versionId, form.code(), seedFrom, by));
		return assessment;
	}

	/**
	 * The earlier answer for the same concept: for a row split by scope, the row with the
	 * same scope; for an item that was split before and is one row now (R7 ⑥ セキュリティパッチ),
	 * いいえ if any earlier row said いいえ, はい only if all said はい.
	 */
	private static Answer carried(CatalogItem item, AssessmentView seed) {
		int lastRound = seed.latestRound().number();
		List<Answer> earlier = seed.rows()
			.stream()
			.filter(r -> r.item().concept().equals(item.concept()))
			.filter(r -> item.scope() == null || r.item().scope() == null || r.item().scope() == item.scope())
			.map(r -> r.round(lastRound).answer())
			.filter(a -> a.value() != null)
			.toList();
		if (earlier.isEmpty()) {
			return Answer.blank(item.id(), 1);
		}
		AnswerValue value = earlier.stream().anyMatch(a -> a.value() == AnswerValue.NO) ? AnswerValue.NO
				: earlier.stream().allMatch(a -> a.value() == AnswerValue.YES) ? AnswerValue.YES
						: earlier.get(0).value();
		var checkedOn = earlier.stream()
			.map(Answer::checkedOn)
			.filter(d -> d != null)
			.max(java.util.Comparator.naturalOrder())
			.orElse(null);
		String note = earlier.stream()
			.map(Answer::note)
			.filter(n -> n != null && !n.isBlank())
			.findFirst()
			.orElse(null);
		return new Answer(item.id(), 1, value, null, null, note, true, value, checkedOn, 0, null, null);
	}

}
