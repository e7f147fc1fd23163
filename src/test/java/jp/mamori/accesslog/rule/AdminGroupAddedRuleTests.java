package jp.mamori.accesslog.rule;

import java.util.List;
import java.util.Map;

import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static jp.mamori.accesslog.rule.Events.at;
import static jp.mamori.accesslog.rule.Events.run;
import static org.assertj.core.api.Assertions.assertThat;

class AdminGroupAddedRuleTests {

	final AdminGroupAddedRule rule = new AdminGroupAddedRule();

	static final String SID = "S-1-5-21-3463664321-2923530833-3546627382-1000";

	static LogEvent added(String time, String eventId, String member, String group, String subject) {
		return LogEvent.at(at(time), EventKind.GROUP_MEMBER_ADDED)
			.host("IE8Win7")
			.channel("Security")
			.eventId(eventId)
			.user(member)
			.target(group)
			.subjectUser(subject)
			.data(Map.of("MemberSid", SID, "MemberName", "-"))
			.build();
	}

	@ParameterizedTest(name = "member written as [{0}]")
	@ValueSource(strings = { SID, "-" })
	void namesAMemberKnownOnlyBySidFromItsCreation(String member) {
		// deepblue_new-user-security: 4720 IEUser, then 4732 Users, 4732 Administrators,
		// 4728 None, the member by SID only, the subject the machine account
		List<LogEvent> events = List.of(
				Events.created(at("2013-10-23T16:22:39.970Z"), "IE8Win7\\IEUser", SID, "WORKGROUP\\WIN-QALA5Q3KJ43$")
					.build(),
				added("2013-10-23T16:22:39.980Z", "4732", member, "Builtin\\Users", "WORKGROUP\\WIN-QALA5Q3KJ43$"),
				added("2013-10-23T16:22:39.990Z", "4732", member, "Builtin\\Administrators",
						"WORKGROUP\\WIN-QALA5Q3KJ43$"),
				added("2013-10-23T16:22:40.000Z", "4728", member, "IE8Win7\\None", "WORKGROUP\\WIN-QALA5Q3KJ43$"));

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.rule()).isEqualTo("admin-group-added");
			assertThat(f.severity()).isEqualTo(Severity.HIGH);
			assertThat(f.accounts()).containsExactly("IE8Win7\\IEUser", "WORKGROUP\\WIN-QALA5Q3KJ43$");
			assertThat(f.first()).isEqualTo(at("2013-10-23T16:22:39.990Z"));
			assertThat(f.summary()).isEqualTo("2013/10/24 01:22:39 にホスト IE8Win7 で IE8Win7\\IEUser（" + SID
					+ "）が管理者グループ Builtin\\Administrators に追加されました（実行者 WORKGROUP\\WIN-QALA5Q3KJ43$）。管理者の権限が与えられたことになります。正当な変更か確認してください。");
		});
	}

	@Test
	void showsTheSidOfAMemberNotSeenBefore() {
		// mitre_4732-added-to-local-admin-groups: admmig adds a SID to Users,
		// Administrators and Backup Operators
		String sid = "S-1-5-21-1470532092-3758209836-3742276719-1001";
		List<LogEvent> events = List.of(
				LogEvent.at(at("2020-07-12T05:12:58Z"), EventKind.GROUP_MEMBER_ADDED)
					.user(sid)
					.target("Builtin\\Users")
					.subjectUser("OFFSEC\\admmig")
					.build(),
				LogEvent.at(at("2020-07-12T05:14:30Z"), EventKind.GROUP_MEMBER_ADDED)
					.host("jump01.offsec.lan")
					.user(sid)
					.target("Builtin\\Administrators")
					.subjectUser("OFFSEC\\admmig")
					.build(),
				LogEvent.at(at("2020-07-12T05:14:44Z"), EventKind.GROUP_MEMBER_ADDED)
					.user(sid)
					.target("Builtin\\Backup Operators")
					.subjectUser("OFFSEC\\admmig")
					.build());

		assertThat(run(rule, events)).singleElement().satisfies(f -> {
			assertThat(f.accounts()).containsExactly(sid, "OFFSEC\\admmig");
			assertThat(f.hosts()).containsExactly("jump01.offsec.lan");
			assertThat(f.summary()).contains(sid + " が管理者グループ Builtin\\Administrators に追加", "実行者 OFFSEC\\admmig");
		});
	}

	@Test
	void resolvesSidsFromLogonsToo() {
		List<LogEvent> events = List.of(
				Events.success(at("2025-01-06T00:00:00Z"), "CLINIC\\yamada").data(Map.of("TargetUserSid", SID)).build(),
				LogEvent.at(at("2025-01-06T01:00:00Z"), EventKind.GROUP_MEMBER_ADDED)
					.user(SID.toLowerCase())
					.target("CLINIC\\Domain Admins")
					.build());

		assertThat(run(rule, events)).singleElement()
			.satisfies(f -> assertThat(f.summary()).contains("CLINIC\\yamada（" + SID.toLowerCase() + "）", "実行者不明"));
	}

	@ParameterizedTest(name = "[{0}] privileged: {1}")
	@CsvSource(delimiter = '|', nullValues = "null",
			value = { "Builtin\\Administrators | true", "Administrators | true", "administrators | true",
					"OFFSEC\\Domain Admins | true", "OFFSEC\\Enterprise Admins | true", "OFFSEC\\Schema Admins | true",
					"Builtin\\Account Operators | true", "Builtin\\Server Operators | true", "OFFSEC\\DnsAdmins | true",
					"OFFSEC\\Group Policy Creator Owners | true", "Builtin\\Hyper-V Administrators | true",
					"'CN=Domain Admins,CN=Users,DC=offsec,DC=lan' | true", "Builtin\\Users | false",
					"Builtin\\Backup Operators | false", "IE8Win7\\None | false",
					"Builtin\\Remote Desktop Users | false", "OFFSEC\\Administrators-Test | false", "null | false" })
	void knowsTheAdministeringGroups(String group, boolean privileged) {
		assertThat(AdminGroupAddedRule.isPrivileged(group)).isEqualTo(privileged);
	}

}
