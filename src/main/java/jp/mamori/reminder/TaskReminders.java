package jp.mamori.reminder;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.mamori.evaluation.RemediationTask;
import jp.mamori.evaluation.RemediationTasks;
import jp.mamori.identity.UserAccounts;
import jp.mamori.identity.UserAccounts.Member;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.reminder.internal.SentReminderRepository;
import jp.mamori.reminder.internal.SentReminderRepository.SentTask;
import jp.mamori.shared.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily reminder mail (issue 5: reminders before the date, by e-mail if SMTP is
 * configured). Each member whose name is the 担当者 of open tasks overdue or due within
 * {@code mamori.reminders.days} days gets one mail listing them — at most one a day, and
 * never twice about the same task on the same day ({@code reminder_sent}). Only tasks of
 * the organisations the person is a member of: owners are looked up among each
 * organisation's own members. Runs at {@code mamori.reminders.cron} (default 07:00 Japan
 * time) on one node of a cluster ({@link JobLock}); {@link #sendNow()} runs it at once.
 */
@Service
public class TaskReminders {

	static final String LOCK = "task-reminders";

	/**
	 * Longer than any run; a node that dies mid-run holds the job up for this long at
	 * most.
	 */
	static final Duration LOCK_AT_MOST = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(TaskReminders.class);

	/**
	 * What one run did.
	 *
	 * @param mailConfigured false when no SMTP server is configured (then nothing ran)
	 * @param ran false when another node was running it
	 * @param mails mails sent
	 * @param tasks tasks listed in them
	 * @param failures mails the server refused (retried on the next run)
	 */
	public record Run(boolean mailConfigured, boolean ran, int mails, int tasks, int failures) {

		static Run notConfigured() {
			return new Run(false, false, 0, 0, 0);
		}

		static Run elsewhere() {
			return new Run(true, false, 0, 0, 0);
		}

	}

	/** Everything one person is reminded of. */
	private record Digest(Member member, List<ReminderMail.Line> lines) {
	}

	private final Organizations organizations;

	private final UserAccounts users;

	private final RemediationTasks tasks;

	private final SentReminderRepository sent;

	private final ObjectProvider<JavaMailSender> mailSenders;

	private final JobLock lock;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final ReminderMail mail;

	private final int days;

	private final String from;

	TaskReminders(Organizations organizations, UserAccounts users, RemediationTasks tasks, SentReminderRepository sent,
			ObjectProvider<JavaMailSender> mailSenders, JobLock lock, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions, MessageSource messages,
			@Value("${mamori.base-url:http://localhost:8080}") String baseUrl,
			@Value("${mamori.reminders.days:7}") int days,
			@Value("${mamori.mail.from:${spring.mail.username:mamori@localhost}}") String from) {
		this.organizations = organizations;
		this.users = users;
		this.tasks = tasks;
		this.sent = sent;
		this.mailSenders = mailSenders;
		this.lock = lock;
		this.events = events;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.mail = new ReminderMail(messages, baseUrl);
		this.days = days;
		this.from = from;
	}

	@Scheduled(cron = "${mamori.reminders.cron:0 0 7 * * *}", zone = "${mamori.reminders.zone:Asia/Tokyo}")
	void daily() {
		Run run = sendNow();
		if (run.ran()) {
			log.info("reminders: {} mails about {} tasks, {} refused by the mail server", run.mails(), run.tasks(),
					run.failures());
		}
	}

	/**
	 * Sends today's reminders now (what the daily schedule does): nothing when no SMTP
	 * server is configured, nothing when another node is at it, and nothing to whoever
	 * already had today's mail.
	 */
	public Run sendNow() {
		JavaMailSender sender = mailSenders.getIfAvailable();
		if (sender == null) {
			return Run.notConfigured();
		}
		AtomicReference<Run> result = new AtomicReference<>(Run.elsewhere());
		// no minimum hold: a second run the same day (on any node) finds everything in
		// reminder_sent
		lock.runExclusively(LOCK, LOCK_AT_MOST, Duration.ZERO, () -> result.set(send(sender)));
		return result.get();
	}

	private Run send(JavaMailSender sender) {
		LocalDate today = LocalDate.now(clock);
		int mails = 0;
		int listed = 0;
		int failures = 0;
		for (Digest digest : digests()) {
			UUID userId = digest.member().user().id();
			if (sent.anySent(userId, today)) {
				continue;
			}
			try {
				// recorded and sent in one transaction: a mail the server refuses is not
				// marked as sent
				transaction.executeWithoutResult(status -> {
					sent.record(userId,
							digest.lines().stream().map(l -> new SentTask(l.org().id(), l.task().id())).toList(), today,
							Instant.now(clock));
					sender.send(message(sender, digest, today));
					publishSent(digest);
				});
				mails++;
				listed += digest.lines().size();
			}
			// a refused mail, or a row another run wrote meanwhile: this person is
			// skipped, the others go on
			catch (MailException | DataAccessException | IllegalStateException ex) {
				failures++;
				log.warn("reminder mail to user {} not sent: {}", digest.member().user().username(), ex.getMessage());
			}
		}
		return new Run(true, true, mails, listed, failures);
	}

	/**
	 * Per person, the open tasks they own that are due soon or overdue, over all their
	 * organisations.
	 */
	private List<Digest> digests() {
		Map<UUID, Digest> byUser = new LinkedHashMap<>();
		for (Organization org : organizations.findAllOrderedByName()) {
			List<RemediationTask> due = tasks.openDueWithin(org.id(), days);
			if (due.isEmpty()) {
				continue;
			}
			List<Member> members = users.members(org.id())
				.stream()
				.filter(m -> m.user().enabled() && m.role().canView())
				.toList();
			for (RemediationTask task : due) {
				OwnerNames.memberNamed(task.owner(), members)
					.filter(m -> m.mail().wantsReminders())
					.ifPresent(m -> byUser.computeIfAbsent(m.user().id(), id -> new Digest(m, new ArrayList<>()))
						.lines()
						.add(new ReminderMail.Line(org, task)));
			}
		}
		return List.copyOf(byUser.values());
	}

	private MimeMessage message(JavaMailSender sender, Digest digest, LocalDate today) {
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(digest.member().mail().email());
			helper.setSubject(mail.subject(digest.lines(), today, days));
			helper.setText(mail.body(digest.member().user().displayName(), digest.lines(), today, days));
			return message;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("could not compose the reminder mail: " + ex.getMessage(), ex);
		}
	}

	private void publishSent(Digest digest) {
		Map<Organization, Integer> perOrg = new LinkedHashMap<>();
		digest.lines().forEach(l -> perOrg.merge(l.org(), 1, Integer::sum));
		perOrg.forEach((org, count) -> events
			.publishEvent(new TaskReminderSent(org.id(), digest.member().user().username(), count)));
	}

}
