package jp.mamori.vendorportal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * 回答期限 and the daily reminder to vendors through a real SMTP server (GreenMail): the
 * vendor's users with an address are mailed once a day about requests past or near their
 * 期限; the client's list shows 期限超過. Today is 2025-06-15 (the fixed clock).
 */
@IntegrationTest
class VendorRemindersTests {

	@Autowired
	jp.mamori.support.VendorLinkMother vendorLinks;

	@RegisterExtension
	static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		registry.add("mamori.base-url", () -> "https://mamori.example.jp/");
		registry.add("mamori.mail.from", () -> "mamori@example.jp");
		registry.add("mamori.reminders.cron", () -> "-");
		registry.add("mamori.vendor-reminders.cron", () -> "-");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organizations organizations;

	@Autowired
	UserAccounts users;

	@Autowired
	VendorRequests requests;

	@Autowired
	VendorReminders reminders;

	@Autowired
	JdbcClient jdbc;

	String vendorUser(Organization vendor, String prefix, String email) {
		String username = Fixtures.uniqueName(prefix);
		users.create(vendor.id(), username, "事業者 " + prefix, Fixtures.PASSWORD, OrgRole.EDITOR, "test");
		if (email != null) {
			users.changeMailSettings(username, email, true);
		}
		return username;
	}

	List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	@Test
	void vendorUsersWithAnAddressAreRemindedOnceADayAndTheClientSeesOverdue() throws Exception {
		String clinicUser = Fixtures.uniqueName("vr-clinic");
		Organization clinic = fixtures.clinicWith(clinicUser, OrgRole.EDITOR);
		Organization vendor = organizations.create("期限テスト事業者 " + clinicUser, OrgKind.VENDOR, "test");
		Organization quietVendor = organizations.create("期限なし事業者 " + clinicUser, OrgKind.VENDOR, "test");
		String mailed = clinicUser + "-v@example.jp";
		vendorUser(vendor, "vr-mailed", mailed);
		vendorUser(vendor, "vr-noaddress", null);
		String quiet = clinicUser + "-q@example.jp";
		vendorUser(quietVendor, "vr-quiet", quiet);

		vendorLinks.link(clinic.id(), vendor.id(), "電子カルテ", "PACS");
		vendorLinks.link(clinic.id(), quietVendor.id(), "レセコン");
		VendorRequest soon = requests.send(clinic.id(), vendor.id().toString(), 2025, "R7", "電子カルテ",
				LocalDate.of(2025, 6, 20), clinicUser);
		VendorRequest late = requests.send(clinic.id(), vendor.id().toString(), 2025, "R7", "PACS",
				LocalDate.of(2025, 6, 16), clinicUser);
		// 期限 in the past cannot be set; a request that became overdue is simulated
		jdbc.sql("update vendor_request set due_date = ? where id = ?")
			.params(LocalDate.of(2025, 6, 1), late.id())
			.update();
		requests.send(clinic.id(), quietVendor.id().toString(), 2025, "R7", "レセコン", LocalDate.of(2025, 9, 30),
				clinicUser);
		assertThatThrownBy(() -> requests.send(clinic.id(), vendor.id().toString(), 2025, "R7", "PACS",
				LocalDate.of(2025, 6, 14), clinicUser))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("回答期限には今日以降の日付");

		assertThat(reminders.sendNow().mails()).isEqualTo(1);
		assertThat(mailsTo(mailed)).singleElement().satisfies(mail -> {
			assertThat(mail.getSubject()).isEqualTo("【Mamori】事業者確認用の回答期限: 期限超過 1 件、期限間近 1 件");
			String body = ((String) mail.getContent()).replace("\r\n", "\n");
			assertThat(body).contains("【期限超過】 回答期限 令和7年6月1日 令和7年度 PACS", "【期限間近】 回答期限 令和7年6月20日 令和7年度 電子カルテ",
					"https://mamori.example.jp/orgs/" + vendor.id() + "/requests/" + soon.id());
		});
		// 期限 three months away: nothing to remind of
		assertThat(mailsTo(quiet)).isEmpty();

		// never twice a day
		assertThat(reminders.sendNow().mails()).isZero();
		assertThat(mailsTo(mailed)).hasSize(1);

		String list = mvc.perform(get("/orgs/" + clinic.id() + "/vendor-requests").with(user(clinicUser)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("令和7年6月1日", "期限超過", "令和7年6月20日");
	}

}
