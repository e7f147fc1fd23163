package jp.mamori.assessment;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jp.mamori.audit.AuditTrail;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checklist journey through the use cases, on whichever database the concrete
 * subclass gives (H2 and PostgreSQL): the SQL must behave the same on both.
 */
abstract class AssessmentScenarios {

	private static final AtomicInteger USERS = new AtomicInteger();

	@Autowired
	CreateAssessment createAssessment;

	@Autowired
	RecordAnswer recordAnswer;

	@Autowired
	SubmitRound submitRound;

	@Autowired
	StartNextRound startNextRound;

	@Autowired
	AssessmentQueries queries;

	@Autowired
	Organizations organizations;

	@Autowired
	AuditTrail audit;

	@Autowired
	Fixtures fixtures;

	OrgId org;

	@BeforeEach
	void clinic() {
		Organization clinic = fixtures
			.clinicWith("user" + USERS.incrementAndGet() + getClass().getSimpleName().length(), OrgRole.ADMIN);
		org = clinic.id();
	}

	UUID r7() {
		return createAssessment.create(org, 2025, "R7", "institution", null, "tester").id();
	}

	static AnswerCommand yes() {
		return new AnswerCommand("yes", LocalDate.of(2025, 6, 1), null, null, null);
	}

	@Test
	void createsAnR7AssessmentWithEveryRowUnansweredInRoundOne() {
		AssessmentView view = queries.view(org, r7());

		assertThat(view.rounds()).singleElement().satisfies(r -> assertThat(r.isOpen()).isTrue());
		assertThat(view.rows()).hasSize(19);
		assertThat(view.rows().stream().filter(r -> r.item().sectionId().equals("2")))
			.extracting(r -> r.item().number())
			.containsExactly("①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩", "⑪", "⑫", "⑬");
		assertThat(view.count(1, ItemStatus.UNANSWERED)).isEqualTo(17);
		// no vendor contract recorded: 2-② and 2-③ are 記入不要 without an answer
		assertThat(view.row("2-2").orElseThrow().round(1).status()).isEqualTo(ItemStatus.NOT_REQUIRED);
		assertThat(view.row("2-3").orElseThrow().round(1).status()).isEqualTo(ItemStatus.NOT_REQUIRED);
	}

	@Test
	void refusesNoWithoutTargetDateNamingTheField() {
		UUID id = r7();

		assertThatThrownBy(() -> recordAnswer.record(org, id, 1, "2-6",
				new AnswerCommand("no", LocalDate.of(2025, 6, 1), null, null, null), "tester"))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.violations())
				.containsExactly(new FieldViolation("targetDate", "「いいえ」の場合は目標日を入力してください")));
		assertThat(queries.view(org, id).row("2-6").orElseThrow().round(1).answered()).isFalse();
	}

	@Test
	void refusesTargetDateOutsideTheFiscalYear() {
		UUID id = r7();

		assertThatThrownBy(() -> recordAnswer.record(org, id, 1, "2-6",
				new AnswerCommand("no", LocalDate.of(2025, 6, 1), LocalDate.of(2026, 4, 1), null, null), "tester"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).singleElement().satisfies(v -> {
						assertThat(v.field()).isEqualTo("targetDate");
						assertThat(v.message()).contains("令和7年度内").contains("令和8年3月31日");
					}));
	}

	@Test
	void recordsNoWithTargetDateAndKeepsIt() {
		UUID id = r7();

		recordAnswer.record(org, id, 1, "2-6",
				new AnswerCommand("no", LocalDate.of(2025, 6, 1), LocalDate.of(2026, 3, 31), "更新予定", null), "tester");

		var answer = queries.view(org, id).row("2-6").orElseThrow().round(1);
		assertThat(answer.status()).isEqualTo(ItemStatus.NO);
		assertThat(answer.answer().targetDate()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(answer.answer().note()).isEqualTo("更新予定");
		assertThat(answer.answer().updatedBy()).isEqualTo("tester");
	}

	@Test
	void requiresACheckDate() {
		UUID id = r7();

		assertThatThrownBy(() -> recordAnswer.record(org, id, 1, "1-1",
				new AnswerCommand("yes", null, null, null, null), "tester"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.violations()).extracting(FieldViolation::field).containsExactly("checkedOn"));
	}

	@Test
	void gateAnsweredNoMakesEveryOtherItemNotNeeded() {
		UUID id = r7();

		// いいえ here is not a deficiency: no 目標日 is asked for
		recordAnswer.record(org, id, 1, "0-1", new AnswerCommand("no", LocalDate.of(2025, 6, 1), null, null, null),
				"tester");

		AssessmentView view = queries.view(org, id);
		assertThat(view.rows().stream().filter(r -> !r.item().isGate()))
			.allSatisfy(r -> assertThat(r.round(1).status()).isEqualTo(ItemStatus.NOT_NEEDED));
		assertThatThrownBy(() -> recordAnswer.record(org, id, 1, "1-1", yes(), "tester"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("確認不要");
	}

	@Test
	void notRequiredIsAllowedOnlyForVendorItemsWithoutContract() {
		UUID id = r7();

		recordAnswer.record(org, id, 1, "2-2",
				new AnswerCommand("not_required", LocalDate.of(2025, 6, 1), null, null, null), "tester");
		assertThatThrownBy(() -> recordAnswer.record(org, id, 1, "2-6",
				new AnswerCommand("not_required", LocalDate.of(2025, 6, 1), null, null, null), "tester"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("記入不要");

		organizations.addContract(org, "保守ベンダー株式会社", "電子カルテ", "tester");
		assertThat(queries.view(org, id).row("2-3").orElseThrow().round(1).status()).isEqualTo(ItemStatus.UNANSWERED);
		assertThatThrownBy(() -> recordAnswer.record(org, id, 1, "2-3",
				new AnswerCommand("not_required", LocalDate.of(2025, 6, 1), null, null, null), "tester"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("契約が登録されている");
	}

	@Test
	void refusesAStaleEditInsteadOfOverwritingIt() {
		UUID id = r7();
		int readVersion = queries.view(org, id).row("1-1").orElseThrow().round(1).answer().version();
		recordAnswer.record(org, id, 1, "1-1",
				new AnswerCommand("yes", LocalDate.of(2025, 6, 1), null, "A", readVersion), "alice");

		assertThatThrownBy(() -> recordAnswer.record(org, id, 1, "1-1",
				new AnswerCommand("no", LocalDate.of(2025, 6, 2), LocalDate.of(2025, 9, 1), "B", readVersion), "bob"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("他の人が先に更新しました");
		assertThat(queries.view(org, id).row("1-1").orElseThrow().round(1).answer().note()).isEqualTo("A");
	}

	@Test
	void submittedRoundIsReadOnlyAndTheNextRoundStartsFromItMarkedForRecheck() {
		UUID id = r7();
		recordAnswer.record(org, id, 1, "1-1", yes(), "tester");
		recordAnswer.record(org, id, 1, "2-6",
				new AnswerCommand("no", LocalDate.of(2025, 6, 1), LocalDate.of(2026, 1, 31), "更新予定", null), "tester");

		submitRound.submit(org, id, 1, "tester");

		assertThatThrownBy(() -> recordAnswer.record(org, id, 1, "1-1", yes(), "tester"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("提出済み");
		assertThatThrownBy(() -> submitRound.submit(org, id, 1, "tester")).isInstanceOf(ConflictException.class);

		startNextRound.start(org, id, "tester");

		AssessmentView view = queries.view(org, id);
		assertThat(view.rounds()).hasSize(2);
		var patch = view.row("2-6").orElseThrow().round(2).answer();
		assertThat(patch.value()).isEqualTo(AnswerValue.NO);
		assertThat(patch.needsRecheck()).isTrue();
		assertThat(patch.previousValue()).isEqualTo(AnswerValue.NO);
		assertThat(patch.previousCheckedOn()).isEqualTo(LocalDate.of(2025, 6, 1));
		assertThat(patch.checkedOn()).isNull();
		assertThat(patch.targetDate()).isEqualTo(LocalDate.of(2026, 1, 31));
		assertThat(view.needingRecheck(2)).isEqualTo(2);
	}

	@Test
	void nextRoundNeedsTheCurrentOneSubmitted() {
		UUID id = r7();

		assertThatThrownBy(() -> startNextRound.start(org, id, "tester")).isInstanceOf(ConflictException.class)
			.hasMessageContaining("1回目を提出してください");
	}

	@Test
	void seedsANewYearAndVersionThroughConceptKeysHighlightingNewItems() {
		UUID r6 = createAssessment.create(org, 2024, "R6", "institution", null, "tester").id();
		LocalDate checked = LocalDate.of(2024, 7, 1);
		recordAnswer.record(org, r6, 1, "2-7@server", new AnswerCommand("yes", checked, null, null, null), "tester");
		recordAnswer.record(org, r6, 1, "2-7@pc",
				new AnswerCommand("no", checked, LocalDate.of(2025, 3, 1), null, null), "tester");
		recordAnswer.record(org, r6, 1, "2-8", new AnswerCommand("yes", checked, null, "VPN は接続元を限定", null), "tester");

		UUID r7 = createAssessment.create(org, 2025, "R7", "institution", r6, "tester").id();

		AssessmentView view = queries.view(org, r7);
		// 接続元制限: R6 2-(8) → R7 2-⑬
		var restriction = view.row("2-13").orElseThrow().round(1).answer();
		assertThat(restriction.value()).isEqualTo(AnswerValue.YES);
		assertThat(restriction.needsRecheck()).isTrue();
		assertThat(restriction.note()).isEqualTo("VPN は接続元を限定");
		// セキュリティパッチ: R6 split by scope, R7 one row: いいえ wins
		assertThat(view.row("2-6").orElseThrow().round(1).answer().value()).isEqualTo(AnswerValue.NO);
		assertThat(view.row("2-6").orElseThrow().round(1).answer().targetDate()).isNull();
		// R7 ⑦–⑩ and 4-① are new
		assertThat(view.newConcepts()).containsExactlyInAnyOrder("password_policy", "password_reuse", "external_media",
				"two_factor_auth", "operating_rules");
		assertThat(view.row("2-7").orElseThrow().round(1).answered()).isFalse();
	}

	@Test
	void refusesASecondAssessmentForTheSameYearVersionAndForm() {
		r7();

		assertThatThrownBy(this::r7).isInstanceOf(ConflictException.class).hasMessageContaining("既にあります");
	}

	@Test
	void anotherOrganisationCannotReadOrWriteTheAssessment() {
		UUID id = r7();
		OrgId other = fixtures.clinicWith("other" + USERS.incrementAndGet(), OrgRole.ADMIN).id();

		assertThatThrownBy(() -> queries.view(other, id)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> recordAnswer.record(other, id, 1, "1-1", yes(), "intruder"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> submitRound.submit(other, id, 1, "intruder")).isInstanceOf(NotFoundException.class);
		assertThat(queries.list(other)).isEmpty();
	}

	@Test
	void everyChangeIsInTheAuditTrailAndTheChainHolds() {
		UUID id = r7();
		recordAnswer.record(org, id, 1, "1-1", yes(), "tester");
		submitRound.submit(org, id, 1, "tester");

		assertThat(audit.entries(org, 10)).extracting(e -> e.action())
			.contains("assessment.created", "assessment.answer.recorded", "assessment.round.submitted");
		assertThat(audit.verify()).isEmpty();
	}

}
