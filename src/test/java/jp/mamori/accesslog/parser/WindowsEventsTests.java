package jp.mamori.accesslog.parser;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one mapping of Windows events to {@link LogEvent}, on hand-made records. */
class WindowsEventsTests {

	private static final Instant TIME = Instant.parse("2025-06-15T00:00:00Z");

	@ParameterizedTest
	@CsvSource(nullValues = "null", value = { "HOSP, tanaka, HOSP\\tanaka", "-, tanaka, tanaka", "'', tanaka, tanaka",
			"null, tanaka, tanaka", "HOSP, -, null", "HOSP, '', null", "' HOSP ', ' tanaka ', HOSP\\tanaka" })
	void writesAccountsAsDomainBackslashName(String domain, String name, String account) {
		assertThat(WindowsEvents.account(domain, name)).isEqualTo(account);
	}

	@Test
	void takesTheStatusWhenTheSubStatusIsZero() {
		LogEvent event = map(security("4625", "TargetUserName", "guest", "Status", "0xC000006E", "SubStatus", "0x0",
				"LogonType", "3", "IpAddress", "-"));
		assertThat(event.status()).isEqualTo("0xc000006e");
		assertThat(event.sourceAddress()).isNull();
		assertThat(event.user()).isEqualTo("guest");
	}

	@Test
	void leavesALogonTypeItCannotReadEmpty() {
		LogEvent event = map(security("4624", "TargetUserName", "sato", "LogonType", "%%2313"));
		assertThat(event.logonType()).isNull();
		assertThat(event.access()).isEqualTo(Access.OTHER);
	}

	@Test
	void namesTheMemberByNameWhenTheEventGivesIt() {
		LogEvent event = map(security("4728", "MemberName", "CN=Taro Yamada,OU=Staff,DC=hosp,DC=example", "MemberSid",
				"S-1-5-21-1-2-3-1200", "TargetUserName", "Domain Admins", "TargetDomainName", "HOSP", "SubjectUserName",
				"itadmin", "SubjectDomainName", "HOSP"));
		assertThat(event.kind()).isEqualTo(EventKind.GROUP_MEMBER_ADDED);
		assertThat(event.user()).isEqualTo("CN=Taro Yamada,OU=Staff,DC=hosp,DC=example");
		assertThat(event.target()).isEqualTo("HOSP\\Domain Admins");
		assertThat(event.data()).containsEntry("MemberSid", "S-1-5-21-1-2-3-1200");
	}

	@Test
	void namesTheClearedLogOfTheSystemLog() {
		LogEvent event = map(record("Microsoft-Windows-Eventlog", "104", "System", List.of(), "SubjectUserName",
				"itadmin", "SubjectDomainName", "HOSP", "Channel", "Application"));
		assertThat(event.kind()).isEqualTo(EventKind.LOG_CLEARED);
		assertThat(event.user()).isEqualTo("HOSP\\itadmin");
		assertThat(event.target()).isEqualTo("Application");
	}

	@Test
	void readsSecurityEventIdsOnlyFromTheSecurityAuditProvider() {
		assertThat(map(record("Microsoft-Windows-Security-Auditing", "4625", "Security", List.of())).kind())
			.isEqualTo(EventKind.AUTH_FAILURE);
		assertThat(map(record("SomeVendorApp", "4625", "Application", List.of())).kind()).isEqualTo(EventKind.OTHER);
		assertThat(map(record("Microsoft-Windows-Kernel-General", "104", "System", List.of())).kind())
			.isEqualTo(EventKind.OTHER);
		assertThat(map(record("SomeVendorApp", "18456", "Application", List.of())).kind()).isEqualTo(EventKind.OTHER);
		assertThat(map(record("SomeVendorApp", "1149", "Application", List.of())).kind()).isEqualTo(EventKind.OTHER);
	}

	@Test
	void readsLoginFailuresOfANamedSqlServerInstance() {
		LogEvent event = map(record("MSSQL$RECE", "18456", "Application", List.of("rece_user",
				" Reason: Password did not match that for the login provided.", " [CLIENT: <local machine>]")));
		assertThat(event.kind()).isEqualTo(EventKind.AUTH_FAILURE);
		assertThat(event.access()).isEqualTo(Access.DATABASE);
		assertThat(event.user()).isEqualTo("rece_user");
		assertThat(event.status()).isEqualTo("Password did not match that for the login provided.");
		assertThat(event.sourceAddress()).isNull();
		assertThat(event.data()).containsEntry("Data3", " [CLIENT: <local machine>]");
	}

	@Test
	void keepsTheSubjectAsUserOfOtherEvents() {
		LogEvent event = map(security("4663", "SubjectUserName", "user01", "SubjectDomainName", "EXAMPLE", "ObjectName",
				"C:\\カルテ\\患者一覧.xlsx"));
		assertThat(event.kind()).isEqualTo(EventKind.OTHER);
		assertThat(event.outcome()).isEqualTo(Outcome.NONE);
		assertThat(event.user()).isEqualTo("EXAMPLE\\user01");
		assertThat(event.eventId()).isEqualTo("4663");
		assertThat(event.channel()).isEqualTo("Security");
		assertThat(event.host()).isEqualTo("PC01");
		assertThat(event.recordNumber()).isEqualTo(42);
		assertThat(event.data()).containsEntry("ObjectName", "C:\\カルテ\\患者一覧.xlsx");
	}

	private static LogEvent map(WindowsEventRecord record) {
		return WindowsEvents.toLogEvent(record);
	}

	private static WindowsEventRecord security(String eventId, String... values) {
		return record("Microsoft-Windows-Security-Auditing", eventId, "Security", List.of(), values);
	}

	private static WindowsEventRecord record(String provider, String eventId, String channel, List<String> unnamed,
			String... values) {
		Map<String, String> data = new LinkedHashMap<>();
		for (int i = 0; i + 1 < values.length; i += 2) {
			data.put(values[i], values[i + 1]);
		}
		return new WindowsEventRecord(TIME, provider, eventId, "0", 42, channel, "PC01", null, data, unnamed, null);
	}

}
