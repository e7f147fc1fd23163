package jp.mamori.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jp.mamori.assessment.internal.AssessmentRepository;
import jp.mamori.catalog.CatalogItem;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: answer one row in an open round. The form rules are checked before anything
 * is written; a write that names an older version than the stored one is refused (never
 * silently overwritten).
 */
@Service
public class RecordAnswer {

	static final String STALE = "この項目は他の人が先に更新しました。画面を再読み込みして最新の内容を確認してから入力し直してください";

	private final AssessmentRepository repository;

	private final AssessmentQueries queries;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	RecordAnswer(AssessmentRepository repository, AssessmentQueries queries, ApplicationEventPublisher events,
			java.time.Clock clock) {
		this.repository = repository;
		this.queries = queries;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Answer record(OrgId org, UUID assessmentId, int round, String itemId, AnswerCommand command, String by) {
		Assessment assessment = queries.require(org, assessmentId);
		repository.lock(org, assessmentId);
		AssessmentView view = queries.view(assessment);
		AssessmentRound theRound = view.round(round);
		if (!theRound.isOpen()) {
			throw new ConflictException(round + "回目は提出済みのため変更できません");
		}
		AssessmentView.Row row = view.row(itemId).orElseThrow(() -> new NotFoundException("項目が見つかりません: " + itemId));
		CatalogItem item = row.item();
		Answer current = row.round(round).answer();
		if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
			throw new ConflictException(stale(current));
		}
		AnswerValue gateValue = view.form()
			.gate()
			.flatMap(g -> view.row(g.id()))
			.map(r -> r.round(round).answer().value())
			.orElse(null);
		List<FieldViolation> violations = AnswerRules.violations(item, command, gateValue, view.vendorContract(),
				assessment.fiscalYear());
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		AnswerValue value = AnswerValue.fromCode(command.answer()).orElseThrow();
		String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
		Answer updated = new Answer(itemId, round, value, command.checkedOn(),
				value == AnswerValue.NO && !item.isGate() ? command.targetDate() : null, note, false,
				current.previousValue(), current.previousCheckedOn(), current.version() + 1, clock.instant(), by);
		if (repository.updateAnswer(org, assessmentId, updated, current.version()) != 1) {
			// not expected: the assessment row lock above serialises saves of one
			// checklist
			throw new ConflictException(STALE);
		}
		events
			.publishEvent(new AnswerRecorded(assessmentId, org, round, itemId, summary(current), summary(updated), by));
		return updated;
	}

	/**
	 * The refusal of a stale save, with the newer answer in it, so that the person sees
	 * what the other editor saved without losing what they typed.
	 */
	static String stale(Answer newer) {
		StringBuilder text = new StringBuilder("この項目は他の人が先に更新しました");
		List<String> who = new ArrayList<>();
		if (newer.updatedBy() != null) {
			who.add(newer.updatedBy());
		}
		if (newer.updatedAt() != null) {
			who.add(STAMP.format(newer.updatedAt().atZone(java.time.ZoneId.of("Asia/Tokyo"))));
		}
		if (!who.isEmpty()) {
			text.append("（").append(String.join("、", who)).append("）");
		}
		text.append("。最新の内容: 回答「").append(label(newer.value())).append("」");
		if (newer.checkedOn() != null) {
			text.append("、確認日 ").append(jp.mamori.shared.WarekiDate.format(newer.checkedOn()));
		}
		if (newer.targetDate() != null) {
			text.append("、目標日 ").append(jp.mamori.shared.WarekiDate.format(newer.targetDate()));
		}
		if (newer.note() != null) {
			text.append("、備考「").append(newer.note()).append("」");
		}
		return text.append("。あなたの入力はまだ保存されていません。画面を再読み込みして最新の内容を確認してから入力し直してください").toString();
	}

	private static final java.time.format.DateTimeFormatter STAMP = java.time.format.DateTimeFormatter
		.ofPattern("yyyy/MM/dd HH:mm");

	private static String label(AnswerValue value) {
		if (value == null) {
			return "未回答";
		}
		return switch (value) {
			case YES -> "はい";
			case NO -> "いいえ";
			case NOT_REQUIRED -> "記入不要";
		};
	}

	private static String summary(Answer a) {
		if (a.value() == null) {
			return "未回答";
		}
		return a.value().code() + " 確認日=" + a.checkedOn() + (a.targetDate() == null ? "" : " 目標日=" + a.targetDate());
	}

}
