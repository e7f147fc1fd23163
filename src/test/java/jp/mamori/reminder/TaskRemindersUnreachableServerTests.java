package jp.mamori.reminder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail server that cannot be reached: the run does not fail, and the reminder is not
 * recorded as sent, so the next run tries again.
 */
@IntegrationTest
class TaskRemindersUnreachableServerTests {

	@DynamicPropertySource
	static void deadMailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", TaskRemindersUnreachableServerTests::closedPort);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "5000");
		registry.add("mamori.reminders.cron", () -> "-");
	}

	/** A port nothing listens on any more. */
	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

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

	@Test
	void aMailThatCouldNotBeSentIsNotRecordedAsSent() {
		LocalDate today = FixedClockConfiguration.NOW.toLocalDate();
		String owner = Fixtures.uniqueName("deadsmtp");
		Organization org = fixtures.clinicWith(owner, OrgRole.EDITOR);
		users.changeMailSettings(owner, "owner@example.jp", true);
		tasks.create(org.id(), "VPN装置のファームウェア更新", null, owner, today.minusDays(1), owner);

		TaskReminders.Run run = reminders.sendNow();

		assertThat(run.ran()).isTrue();
		assertThat(run.mails()).isZero();
		assertThat(run.failures()).isEqualTo(1);
		assertThat(sent.countSent(org.id(), today)).isZero();
	}

}
