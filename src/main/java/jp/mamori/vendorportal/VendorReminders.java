package jp.mamori.vendorportal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.mamori.identity.UserAccounts;
import jp.mamori.identity.UserAccounts.Member;
import jp.mamori.shared.ClockConfiguration;
import jp.mamori.shared.JobLock;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.WarekiDate;
import jp.mamori.vendorportal.internal.VendorRequestRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily reminder to vendors: each user of a vendor organisation with an e-mail
 * address (and reminders left on) gets one plain-text Japanese mail listing the requests
 * addressed to the organisation that are 依頼済み or 差戻し and whose 回答期限 is past or within
 * {@code mamori.reminders.days} days — at most one mail a day
 * ({@code vendor_reminder_sent}). Addresses and opt-out come from identity, as for the
 * task reminders; the same schedule properties and the same {@link JobLock} discipline
 * (one node of a cluster). Nothing is sent unless an SMTP server is configured.
 */
@Service
public class VendorReminders {

	static final String LOCK = "vendor-request-reminders";

	private static final Logger log = LoggerFactory.getLogger(VendorReminders.class);

	/** What one run did: mails sent, or -1 when no SMTP server is configured. */
	public record Run(int mails, int failures) {
	}

	private final VendorRequestRepository requests;

	private final UserAccounts users;

	private final ObjectProvider<JavaMailSender> mailSenders;

	private final JobLock lock;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final int days;

	private final String from;

	private final String baseUrl;

	VendorReminders(VendorRequestRepository requests, UserAccounts users, ObjectProvider<JavaMailSender> mailSenders,
			JobLock lock, JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions,
			@Value("${mamori.reminders.days:7}") int days,
			@Value("${mamori.mail.from:${spring.mail.username:mamori@localhost}}") String from,
			@Value("${mamori.base-url:http://localhost:8080}") String baseUrl) {
		this.requests = requests;
		this.users = users;
		this.mailSenders = mailSenders;
		this.lock = lock;
		this.jdbc = jdbc;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.days = days;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@Scheduled(cron = "${mamori.vendor-reminders.cron:${mamori.reminders.cron:0 0 7 * * *}}",
			zone = "${mamori.reminders.zone:Asia/Tokyo}")
	void daily() {
		Run run = sendNow();
		if (run.mails() > 0 || run.failures() > 0) {
			log.info("vendor reminders: {} mails, {} refused", run.mails(), run.failures());
		}
	}

	/** Sends today's vendor reminders now (what the schedule does). */
	public Run sendNow() {
		JavaMailSender sender = mailSenders.getIfAvailable();
		if (sender == null) {
			return new Run(-1, 0);
		}
		AtomicInteger mails = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		lock.runExclusively(LOCK, Duration.ofHours(1), Duration.ZERO, () -> send(sender, mails, failures));
		return new Run(mails.get(), failures.get());
	}

	private void send(JavaMailSender sender, AtomicInteger mails, AtomicInteger failures) {
		LocalDate today = LocalDate.now(clock.withZone(ClockConfiguration.JAPAN));
		Map<OrgId, List<VendorRequest>> byVendor = new LinkedHashMap<>();
		requests.openDueBy(today.plusDays(days))
			.forEach(r -> byVendor.computeIfAbsent(r.vendor(), v -> new ArrayList<>()).add(r));
		byVendor.forEach((vendor, due) -> {
			for (Member member : users.members(vendor)) {
				if (!member.user().enabled() || !member.mail().wantsReminders() || sentToday(member, today)) {
					continue;
				}
				try {
					// recorded and sent in one transaction: a refused mail is not marked
					// sent
					transaction.executeWithoutResult(status -> {
						for (VendorRequest r : due) {
							jdbc.sql("insert into vendor_reminder_sent (user_id, sent_on, request_id, sent_at) "
									+ "values (?, ?, ?, ?)")
								.params(member.user().id(), today, r.id(), clock.instant().atOffset(ZoneOffset.UTC))
								.update();
						}
						sender.send(message(sender, member, vendor, due, today));
					});
					mails.incrementAndGet();
				}
				catch (MailException | DataAccessException | IllegalStateException ex) {
					failures.incrementAndGet();
					log.warn("vendor reminder to {} not sent: {}", member.user().username(), ex.getMessage());
				}
			}
		});
	}

	private boolean sentToday(Member member, LocalDate today) {
		return jdbc.sql("select count(*) from vendor_reminder_sent where user_id = ? and sent_on = ?")
			.params(member.user().id(), today)
			.query(Integer.class)
			.single() > 0;
	}

	private MimeMessage message(JavaMailSender sender, Member member, OrgId vendor, List<VendorRequest> due,
			LocalDate today) {
		long overdue = due.stream().filter(r -> r.overdueOn(today)).count();
		List<String> body = new ArrayList<>();
		body.add(member.user().displayName() + " 様");
		body.add("");
		body.add("医療機関から依頼された「事業者確認用」チェックリストのうち、回答期限が過ぎたもの・近いものがあります。");
		for (VendorRequest r : due) {
			body.add("");
			body.add((r.overdueOn(today) ? "【期限超過】" : "【期限間近】") + " 回答期限 " + WarekiDate.format(r.dueDate()) + " "
					+ r.fiscalYearLabel() + " " + r.systems());
			body.add("  " + baseUrl + "/orgs/" + vendor + "/requests/" + r.id());
		}
		body.add("");
		body.add("--");
		body.add("メール通知の停止: " + baseUrl + "/account/profile");
		body.add("このメールは Mamori から自動で送信しています。");
		try {
			MimeMessage message = sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(member.mail().email());
			helper.setSubject("【Mamori】事業者確認用の回答期限: 期限超過 " + overdue + " 件、期限間近 " + (due.size() - overdue) + " 件");
			helper.setText(String.join("\n", body) + "\n");
			return message;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("could not compose the vendor reminder: " + ex.getMessage(), ex);
		}
	}

}
