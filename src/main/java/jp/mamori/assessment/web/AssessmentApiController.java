package jp.mamori.assessment.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.assessment.Answer;
import jp.mamori.assessment.AnswerCommand;
import jp.mamori.assessment.Assessment;
import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.assessment.AssessmentRound;
import jp.mamori.assessment.AssessmentView;
import jp.mamori.assessment.CreateAssessment;
import jp.mamori.assessment.RecordAnswer;
import jp.mamori.assessment.StartNextRound;
import jp.mamori.assessment.SubmitRound;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.OrgId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST API of assessments (contract: field names and paths are relied on by scripts). */
@RestController
@RequestMapping("/api/v1/orgs/{org}/assessments")
class AssessmentApiController {

	record CreateRequest(Integer fiscalYear, String version, String form, UUID seedFrom) {
	}

	record AnswerRequest(String answer, LocalDate checkedOn, LocalDate targetDate, String note, Integer version) {
	}

	record AnswerJson(int round, String answer, String status, LocalDate checkedOn, LocalDate targetDate, String note,
			boolean needsRecheck, String previousAnswer, LocalDate previousCheckedOn, int version, Instant updatedAt,
			String updatedBy) {

		static AnswerJson of(Answer a, String status) {
			return new AnswerJson(a.round(), a.value() == null ? null : a.value().code(), status, a.checkedOn(),
					a.targetDate(), a.note(), a.needsRecheck(),
					a.previousValue() == null ? null : a.previousValue().code(), a.previousCheckedOn(), a.version(),
					a.updatedAt(), a.updatedBy());
		}

	}

	record ItemJson(String id, String number, String label, String section, String scope, String text, String concept,
			boolean reference, String confidence, String rule, boolean isNew, List<AnswerJson> answers) {
	}

	record RoundJson(int number, String status, Instant startedAt, Instant submittedAt, String submittedBy) {

		static RoundJson of(AssessmentRound r) {
			return new RoundJson(r.number(), r.status().code(), r.startedAt(), r.submittedAt(), r.submittedBy());
		}

	}

	record AssessmentJson(UUID id, String org, int fiscalYear, String fiscalYearLabel, String version, String form,
			UUID seededFrom, boolean vendorContract, List<RoundJson> rounds, List<ItemJson> items) {
	}

	record Summary(UUID id, int fiscalYear, String version, String form, Instant createdAt) {
	}

	private final AssessmentQueries queries;

	private final CreateAssessment createAssessment;

	private final RecordAnswer recordAnswer;

	private final SubmitRound submitRound;

	private final StartNextRound startNextRound;

	AssessmentApiController(AssessmentQueries queries, CreateAssessment createAssessment, RecordAnswer recordAnswer,
			SubmitRound submitRound, StartNextRound startNextRound) {
		this.queries = queries;
		this.createAssessment = createAssessment;
		this.recordAnswer = recordAnswer;
		this.submitRound = submitRound;
		this.startNextRound = startNextRound;
	}

	@GetMapping
	@PreAuthorize("@access.canView(#org)")
	List<Summary> list(@PathVariable OrgId org) {
		return queries.list(org)
			.stream()
			.map(a -> new Summary(a.id(), a.fiscalYear().startYear(), a.versionId(), a.form().code(), a.createdAt()))
			.toList();
	}

	@PostMapping
	@PreAuthorize("@access.canEdit(#org)")
	ResponseEntity<Map<String, Object>> create(@PathVariable OrgId org,
			@RequestBody(required = false) CreateRequest request, Principal principal) {
		if (request == null) {
			throw new InvalidInputException(null, "リクエスト本文がありません");
		}
		Assessment a = createAssessment.create(org, request.fiscalYear(), request.version(), request.form(),
				request.seedFrom(), principal.getName());
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + org + "/assessments/" + a.id()))
			.body(Map.of("id", a.id(), "fiscalYear", a.fiscalYear().startYear(), "version", a.versionId(), "form",
					a.form().code()));
	}

	@GetMapping("/{id}")
	@PreAuthorize("@access.canView(#org)")
	AssessmentJson get(@PathVariable OrgId org, @PathVariable UUID id) {
		AssessmentView view = queries.view(org, id);
		Assessment a = view.assessment();
		List<ItemJson> items = view.rows()
			.stream()
			.map(row -> new ItemJson(row.item().id(), row.item().number(), row.item().label(), row.item().sectionId(),
					row.item().scopeLabel(), row.item().text(), row.item().concept(), row.item().reference(),
					row.item().confidence().name(), row.item().rule() == null ? null : row.item().rule().code(),
					view.isNew(row.item()),
					row.rounds().stream().map(r -> AnswerJson.of(r.answer(), r.status().code())).toList()))
			.toList();
		return new AssessmentJson(a.id(), org.toString(), a.fiscalYear().startYear(), a.fiscalYear().japaneseLabel(),
				a.versionId(), a.form().code(), a.seededFrom(), view.vendorContract(),
				view.rounds().stream().map(RoundJson::of).toList(), items);
	}

	@PutMapping("/{id}/rounds/{round}/answers/{itemId}")
	@PreAuthorize("@access.canEdit(#org)")
	AnswerJson answer(@PathVariable OrgId org, @PathVariable UUID id, @PathVariable int round,
			@PathVariable String itemId, @RequestBody(required = false) AnswerRequest request, Principal principal) {
		if (request == null) {
			throw new InvalidInputException(null, "リクエスト本文がありません");
		}
		recordAnswer.record(org, id, round, itemId, new AnswerCommand(request.answer(), request.checkedOn(),
				request.targetDate(), request.note(), request.version()), principal.getName());
		var row = queries.view(org, id).row(itemId).orElseThrow();
		return AnswerJson.of(row.round(round).answer(), row.round(round).status().code());
	}

	@PostMapping("/{id}/rounds/{round}/submit")
	@PreAuthorize("@access.canEdit(#org)")
	RoundJson submit(@PathVariable OrgId org, @PathVariable UUID id, @PathVariable int round, Principal principal) {
		return RoundJson.of(submitRound.submit(org, id, round, principal.getName()));
	}

	@PostMapping("/{id}/rounds")
	@PreAuthorize("@access.canEdit(#org)")
	ResponseEntity<RoundJson> nextRound(@PathVariable OrgId org, @PathVariable UUID id, Principal principal) {
		AssessmentRound round = startNextRound.start(org, id, principal.getName());
		return ResponseEntity.status(201).body(RoundJson.of(round));
	}

}
