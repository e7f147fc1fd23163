package jp.mamori.reminder;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jp.mamori.audit.AuditEntry;
import jp.mamori.audit.AuditTrail;
import jp.mamori.evaluation.RemediationTask;
import jp.mamori.evaluation.RemediationTasks;
import jp.mamori.evaluation.TaskStatus;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.reminder.internal.SentReminderRepository;
import jp.mamori.support.Fixtures;
import jp.mamori.support.FixedClockConfiguration;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily reminder through a real SMTP server (GreenMail): each owner with an address
 * gets one Japanese mail listing their overdue and soon-due tasks, not a second one the
 * same day; nobody without an address or who opted out is mailed, and nobody hears of
 * another organisation's tasks. Today is 2025-06-15 (the fixed clock).
 */
@IntegrationTest
class TaskReminderMailTests {

	@RegisterExtension
	static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	static final String BASE_URL = "https://mamori.example.jp";

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("mamori.base-url", () -> BASE_URL + "/");
		registry.add("mamori.mail.from", () -> "mamori@example.jp");
		// the schedule stays out of the way: runs happen when the test says so
		registry.add("mamori.reminders.cron", () -> "-");
	}

	static final LocalDate TODAY = FixedClockConfiguration.NOW.toLocalDate();

	@Autowired
	TaskReminders reminders;

	@Autowired
	RemediationTasks tasks;

	@Autowired
	UserAccounts users;

	@Autowired
	Organizations organizations;

	@Autowired
	SentReminderRepository sent;

	@Autowired
	AuditTrail audit;

	Organization clinic(String name) {
		return organizations.create(name, OrgKind.INSTITUTION, "test");
	}

	/** A member with a display name, and an address unless {@code email} is null. */
	String member(Organization org, String prefix, String displayName, String email, boolean reminders) {
		String username = Fixtures.uniqueName(prefix);
		users.create(org.id(), username, displayName, Fixtures.PASSWORD, OrgRole.EDITOR, "test");
		users.changeMailSettings(username, email, reminders);
		return username;
	}

	RemediationTask task(Organization org, String title, String owner, LocalDate dueOn) {
		return tasks.create(org.id(), title, null, owner, dueOn, "test");
	}

	static List<MimeMessage> mailTo(String address) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
			try {
				Address[] to = m.getAllRecipients();
				return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(address));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	@Test
	void mailsTheOwnerOnceListingTheirOverdueAndSoonDueTasks() throws Exception {
		Organization org = clinic("やまだ内科 " + Fixtures.uniqueName("org"));
		String owner = member(org, "hanako", "山田 花子", "hanako@example.jp", true);
		RemediationTask overdue = task(org, "VPN装置のファームウェア更新", owner, TODAY.minusDays(14));
		// the name as somebody typed it: full-width space
		RemediationTask soon = task(org, "退職者アカウントの無効化", "山田　花子", TODAY.plusDays(5));
		task(org, "BCP訓練の実施", owner, TODAY.plusDays(30));
		RemediationTask done = task(org, "バックアップの復元テスト", owner, TODAY.minusDays(3));
		tasks.update(org.id(), done.id(), done.version(), owner, done.dueOn(), TaskStatus.DONE, "test");
		task(org, "ルーターの設定見直し", "ほかの担当者", TODAY.minusDays(1));

		TaskReminders.Run run = reminders.sendNow();

		assertThat(run.mailConfigured()).isTrue();
		assertThat(run.ran()).isTrue();
		List<MimeMessage> mails = mailTo("hanako@example.jp");
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.get(0);
		assertThat(mail.getFrom()[0].toString()).isEqualTo("mamori@example.jp");
		assertThat(mail.getSubject()).isEqualTo("【Mamori】是正課題の期日のお知らせ（期日超過 1件・7日以内 1件）");
		String body = ((String) mail.getContent()).replace("\r\n", "\n");
		assertThat(body).startsWith("山田 花子 様")
			.contains("■ " + org.name())
			.contains("【期日超過】期日 令和7年6月1日　VPN装置のファームウェア更新")
			.contains("【期日 令和7年6月20日】退職者アカウントの無効化")
			.contains("状態: 未着手")
			.contains(BASE_URL + "/orgs/" + org.id() + "/tasks/" + overdue.id())
			.contains(BASE_URL + "/orgs/" + org.id() + "/tasks/" + soon.id())
			.contains(BASE_URL + "/account/profile")
			.doesNotContain("BCP訓練の実施")
			.doesNotContain("バックアップの復元テスト")
			.doesNotContain("ルーターの設定見直し")
			.doesNotContain("//orgs");
		assertThat(body.indexOf("VPN装置")).as("overdue first").isLessThan(body.indexOf("退職者アカウント"));
		assertThat(sent.countSent(org.id(), TODAY)).isEqualTo(2);
		assertThat(audit.entries(org.id(), 20)).extracting(AuditEntry::action).contains("reminder.mail.sent");

		TaskReminders.Run again = reminders.sendNow();

		assertThat(again.ran()).isTrue();
		assertThat(mailTo("hanako@example.jp")).as("not a second mail the same day").hasSize(1);
		assertThat(sent.countSent(org.id(), TODAY)).isEqualTo(2);
	}

	@Test
	void mailsNobodyWithoutAnAddressOrWhoOptedOut() {
		Organization org = clinic("すずき眼科 " + Fixtures.uniqueName("org"));
		String noAddress = member(org, "noaddress", "佐藤 一郎", null, true);
		String optedOut = member(org, "optedout", "鈴木 次郎", "jiro@example.jp", false);
		task(org, "端末のUSB制限", noAddress, TODAY.minusDays(2));
		task(org, "ログの確認", optedOut, TODAY.plusDays(1));

		reminders.sendNow();

		assertThat(mailTo("jiro@example.jp")).isEmpty();
		assertThat(sent.countSent(org.id(), TODAY)).isZero();
	}

	@Test
	void mailsNobodyAboutAnotherOrganisationsTasks() throws Exception {
		Organization mine = clinic("たなか歯科 " + Fixtures.uniqueName("org"));
		Organization other = clinic("よその病院 " + Fixtures.uniqueName("org"));
		String owner = member(mine, "saburo", "田中 三郎", "saburo@example.jp", true);
		task(mine, "サーバのログ確認", owner, TODAY.plusDays(2));
		// named as owner in an organisation they do not belong to
		RemediationTask foreign = task(other, "よその病院のバックアップ", owner, TODAY.minusDays(1));
		task(other, "よその病院のパスワード設定", "田中 三郎", TODAY.minusDays(1));

		reminders.sendNow();

		List<MimeMessage> mails = mailTo("saburo@example.jp");
		assertThat(mails).hasSize(1);
		String body = (String) mails.get(0).getContent();
		assertThat(body).contains("サーバのログ確認")
			.doesNotContain("よその病院")
			.doesNotContain(foreign.id().toString())
			.doesNotContain(other.id().toString());
		assertThat(sent.countSent(other.id(), TODAY)).isZero();
	}

	@Test
	void listsTheTasksOfEveryOrganisationThePersonBelongsToInOneMail() throws Exception {
		Organization first = clinic("いとう薬局 " + Fixtures.uniqueName("org"));
		Organization second = clinic("いとう薬局 2号店 " + Fixtures.uniqueName("org"));
		String owner = member(first, "shiro", "伊藤 四郎", "shiro@example.jp", true);
		users.join(second.id(), owner, OrgRole.EDITOR, "test");
		task(first, "一号店の規程改定", "伊藤四郎", TODAY.plusDays(7));
		task(second, "二号店の連絡体制図", owner, TODAY.minusDays(30));

		reminders.sendNow();

		List<MimeMessage> mails = mailTo("shiro@example.jp");
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).contains("期日超過 1件・7日以内 1件");
		assertThat((String) mails.get(0).getContent()).contains("■ " + first.name())
			.contains("一号店の規程改定")
			.contains("■ " + second.name())
			.contains("二号店の連絡体制図");
	}

}
