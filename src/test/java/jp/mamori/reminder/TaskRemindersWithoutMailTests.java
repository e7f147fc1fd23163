package jp.mamori.reminder;

import java.time.LocalDate;

import jp.mamori.evaluation.RemediationTasks;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.organization.Organization;
import jp.mamori.reminder.internal.SentReminderRepository;
import jp.mamori.support.Fixtures;
import jp.mamori.support.FixedClockConfiguration;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without {@code spring.mail.host} (the default) no mail is sent, nothing is recorded and
 * nothing fails.
 */
@IntegrationTest
class TaskRemindersWithoutMailTests {

	@Autowired
	TaskReminders reminders;

	@Autowired
	RemediationTasks tasks;

	@Autowired
	UserAccounts users;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SentReminderRepository sent;

	@Autowired
	ApplicationContext context;

	@Test
	void sendsNothingWhenNoMailServerIsConfigured() {
		LocalDate today = FixedClockConfiguration.NOW.toLocalDate();
		String owner = Fixtures.uniqueName("nomail");
		Organization org = fixtures.clinicWith(owner, OrgRole.EDITOR);
		users.changeMailSettings(owner, "owner@example.jp", true);
		tasks.create(org.id(), "VPN装置のファームウェア更新", null, owner, today.minusDays(1), owner);

		TaskReminders.Run run = reminders.sendNow();

		assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable()).isNull();
		assertThat(run.mailConfigured()).isFalse();
		assertThat(run.ran()).isFalse();
		assertThat(run.mails()).isZero();
		assertThat(sent.countSent(org.id(), today)).isZero();
	}

}
