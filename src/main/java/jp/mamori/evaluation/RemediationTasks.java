package jp.mamori.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.assessment.Assessment;
import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.assessment.AssessmentView;
import jp.mamori.catalog.CatalogItem;
import jp.mamori.evaluation.internal.RemediationTaskRepository;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remediation tasks: made from a checklist item (title and reasons from its first failing
 * check, 期日 from the answer's 目標日) or by hand; owner, 期日 and status edited with
 * optimistic locking; comments. Closing a task that came from a check re-runs the check
 * and keeps the result as a comment, so 「直したつもり」 is visible.
 */
@Service
public class RemediationTasks {

	static final String STALE = "この課題は他の人が先に更新しました。画面を開き直してから、もう一度変更してください";

	static final int TITLE_MAX = 300;

	static final int DETAIL_MAX = 4000;

	static final int OWNER_MAX = 200;

	static final int COMMENT_MAX = 2000;

	/** The check run again when a task was closed, and what it found. */
	public record Recheck(String checkId, CheckStatus status, List<String> reasons) {

		public boolean passed() {
			return status == CheckStatus.PASS;
		}

		/** The reasons as one line (for the page and the comment). */
		public String reasonText() {
			return String.join("、", reasons);
		}

	}

	/** A task after an update, with the re-check result when it was closed. */
	public record Updated(RemediationTask task, Optional<Recheck> recheck) {
	}

	/** Sorted as the list shows them: overdue, then open by 期日, done last. */
	public static Comparator<RemediationTask> listOrder(LocalDate today) {
		return Comparator.comparing((RemediationTask t) -> t.isDone())
			.thenComparing(t -> !t.overdueOn(today))
			.thenComparing(RemediationTask::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(RemediationTask::createdAt);
	}

	private final RemediationTaskRepository repository;

	private final AssessmentQueries assessments;

	private final Evaluation evaluation;

	private final Checks checks;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RemediationTasks(RemediationTaskRepository repository, AssessmentQueries assessments, Evaluation evaluation,
			Checks checks, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.assessments = assessments;
		this.evaluation = evaluation;
		this.checks = checks;
		this.events = events;
		this.clock = clock;
	}

	/** Today in Japan time (what 期日 and overdue are measured against). */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * A task for a checklist item: the item's label and its first failing check's title,
	 * the check's reasons as detail, 期日 the item's 目標日 in the latest round (else the 年度's
	 * last day). When a task for the item is still open, that task is returned instead of
	 * a second one.
	 */
	@Transactional
	public RemediationTask createFromItem(OrgId org, UUID assessmentId, String itemId, String by) {
		AssessmentView view = assessments.view(org, assessmentId);
		AssessmentView.Row row = view.row(itemId).orElseThrow(() -> new NotFoundException("項目が見つかりません: " + itemId));
		Optional<RemediationTask> existing = repository.findOpenForItem(org, assessmentId, itemId);
		if (existing.isPresent()) {
			return existing.get();
		}
		CatalogItem item = row.item();
		Optional<Evaluation.CheckOutcome> failing = evaluation.evaluateItem(org, assessmentId, itemId)
			.checks()
			.stream()
			.filter(c -> c.result().status() == CheckStatus.FAIL)
			.findFirst();
		String title = item.label() + " "
				+ failing.map(Evaluation.CheckOutcome::title).orElse(Objects.requireNonNullElse(item.text(), ""));
		String detail = failing.map(c -> String.join("\n", c.result().reasons())).orElse(null);
		LocalDate due = view.rounds().isEmpty() ? null : row.round(view.latestRound().number()).answer().targetDate();
		if (due == null) {
			due = view.assessment().fiscalYear().lastDay();
		}
		return insert(org, assessmentId, itemId, failing.map(Evaluation.CheckOutcome::id).orElse(null), title, detail,
				null, due, by);
	}

	/** A task entered by hand (not tied to an item or check). */
	@Transactional
	public RemediationTask create(OrgId org, String title, String detail, String owner, LocalDate dueOn, String by) {
		if (title == null || title.isBlank()) {
			throw new BadInputException("課題の件名を入力してください");
		}
		if (title.strip().length() > TITLE_MAX) {
			throw new BadInputException("課題の件名は" + TITLE_MAX + "文字以内にしてください");
		}
		if (detail != null && detail.strip().length() > DETAIL_MAX) {
			throw new BadInputException("課題の内容は" + DETAIL_MAX + "文字以内にしてください");
		}
		return insert(org, null, null, null, title.strip(), detail, cleanOwner(owner), dueOn, by);
	}

	public List<RemediationTask> list(OrgId org, TaskStatus status) {
		List<RemediationTask> tasks = new ArrayList<>(repository.findAll(org, status));
		tasks.sort(listOrder(today()));
		return tasks;
	}

	/**
	 * Tasks not yet done that are overdue or due within {@code days} days from today,
	 * earliest 期日 first (what reminders are about).
	 */
	public List<RemediationTask> openDueWithin(OrgId org, int days) {
		return repository.findOpenDueBy(org, today().plusDays(days));
	}

	public Optional<RemediationTask> find(OrgId org, UUID id) {
		return repository.find(org, id);
	}

	public RemediationTask require(OrgId org, UUID id) {
		return find(org, id).orElseThrow(() -> new NotFoundException("課題が見つかりません"));
	}

	public List<RemediationTaskComment> comments(OrgId org, UUID id) {
		require(org, id);
		return repository.comments(org, id);
	}

	/**
	 * Sets owner, 期日 and status if nobody changed the task since {@code expectedVersion}
	 * was read (else {@link ConflictException}). Setting a task with a check to done
	 * re-runs the check; the result is returned and kept as a comment.
	 */
	@Transactional
	public Updated update(OrgId org, UUID id, int expectedVersion, String owner, LocalDate dueOn, TaskStatus status,
			String by) {
		if (status == null) {
			throw new BadInputException("状態を選んでください");
		}
		RemediationTask current = require(org, id);
		if (current.version() != expectedVersion) {
			throw new ConflictException(STALE);
		}
		String cleanOwner = cleanOwner(owner);
		Instant now = clock.instant();
		boolean closing = status == TaskStatus.DONE && !current.isDone();
		Instant closedAt = status != TaskStatus.DONE ? null : closing ? now : current.closedAt();
		if (repository.update(org, id, expectedVersion, cleanOwner, dueOn, status, closedAt, now, by) != 1) {
			throw new ConflictException(STALE);
		}
		Optional<Recheck> recheck = closing ? recheck(org, current) : Optional.empty();
		recheck.ifPresent(r -> repository.insertComment(org,
				new RemediationTaskComment(UUID.randomUUID(), id, truncate(recheckText(r), COMMENT_MAX), now, by)));
		events.publishEvent(
				new RemediationTaskUpdated(org, id, summary(current, cleanOwner, dueOn, status, recheck), by));
		return new Updated(require(org, id), recheck);
	}

	@Transactional
	public RemediationTaskComment comment(OrgId org, UUID id, String body, String by) {
		require(org, id);
		if (body == null || body.isBlank()) {
			throw new BadInputException("コメントを入力してください");
		}
		if (body.strip().length() > COMMENT_MAX) {
			throw new BadInputException("コメントは" + COMMENT_MAX + "文字以内にしてください");
		}
		RemediationTaskComment comment = new RemediationTaskComment(UUID.randomUUID(), id, body.strip(),
				clock.instant(), by);
		repository.insertComment(org, comment);
		events.publishEvent(new RemediationTaskCommented(org, id, comment.id(), by));
		return comment;
	}

	private Optional<Recheck> recheck(OrgId org, RemediationTask task) {
		if (task.checkId() == null) {
			return Optional.empty();
		}
		LocalDate today = today();
		FiscalYear year = Optional.ofNullable(task.assessmentId())
			.flatMap(a -> assessments.find(org, a))
			.map(Assessment::fiscalYear)
			.orElse(FiscalYear.containing(today));
		EvaluationContext context = new EvaluationContext(org, year, today);
		return checks.find(task.checkId()).map(check -> {
			CheckResult result = check.evaluate(context);
			return new Recheck(check.id(), result.status(), result.reasons());
		});
	}

	static String recheckText(Recheck r) {
		return switch (r.status()) {
			case PASS -> "再確認: 適合";
			case FAIL -> "再確認: まだ不適合 — " + r.reasonText();
			case UNKNOWN -> "再確認: 情報不足 — " + r.reasonText();
			case NOT_APPLICABLE -> "再確認: 対象外";
		};
	}

	private RemediationTask insert(OrgId org, UUID assessmentId, String itemId, String checkId, String title,
			String detail, String owner, LocalDate dueOn, String by) {
		Instant now = clock.instant();
		String cleanDetail = detail == null || detail.isBlank() ? null : truncate(detail.strip(), DETAIL_MAX);
		RemediationTask task = new RemediationTask(UUID.randomUUID(), org, assessmentId, itemId, checkId,
				truncate(title, TITLE_MAX), cleanDetail, owner, dueOn, TaskStatus.OPEN, now, by, now, by, null, 0);
		repository.insert(task);
		events.publishEvent(new RemediationTaskCreated(org, task.id(), itemId, task.title(), by));
		return task;
	}

	private static String cleanOwner(String owner) {
		if (owner == null || owner.isBlank()) {
			return null;
		}
		String clean = owner.strip();
		if (clean.length() > OWNER_MAX) {
			throw new BadInputException("担当者は" + OWNER_MAX + "文字以内にしてください");
		}
		return clean;
	}

	private static String summary(RemediationTask before, String owner, LocalDate dueOn, TaskStatus status,
			Optional<Recheck> recheck) {
		List<String> parts = new ArrayList<>();
		if (!Objects.equals(before.owner(), owner)) {
			parts.add("担当者 " + Objects.toString(before.owner(), "（なし）") + " → " + Objects.toString(owner, "（なし）"));
		}
		if (!Objects.equals(before.dueOn(), dueOn)) {
			parts.add("期日 " + Objects.toString(before.dueOn(), "（なし）") + " → " + Objects.toString(dueOn, "（なし）"));
		}
		if (before.status() != status) {
			parts.add("状態 " + before.status().code() + " → " + status.code());
		}
		recheck.ifPresent(r -> parts.add("再確認 " + r.checkId() + " " + r.status().name()));
		return parts.isEmpty() ? "変更なし" : String.join("; ", parts);
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
