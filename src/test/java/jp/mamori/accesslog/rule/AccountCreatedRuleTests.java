package jp.mamori.accesslog.rule;

import java.util.List;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;
import org.junit.jupiter.api.Test;

import static jp.mamori.accesslog.rule.Events.at;
import static jp.mamori.accesslog.rule.Events.created;
import static jp.mamori.accesslog.rule.Events.run;
import static org.assertj.core.api.Assertions.assertThat;

class AccountCreatedRuleTests {

	final AccountCreatedRule rule = new AccountCreatedRule();

	@Test
	void listsEachCreatedAccountWithItsCreator() {
		// mitre_4720-4726-fast-create-delete: admin-kriss created by lambda-user
		List<LogEvent> events = List.of(
				created(at("2020-07-12T05:10:08Z"), "OFFSEC\\admin-kriss", "S-1-5-21-1-2-3-1105", "OFFSEC\\lambda-user")
					.host("rootdc1.offsec.lan")
					.build(),
				created(at("2020-07-12T06:00:00Z"), "OFFSEC\\new-nurse", null, "OFFSEC\\it-admin").build());

		List<Finding> findings = run(rule, events);

		assertThat(findings).hasSize(2);
		assertThat(findings.get(0)).satisfies(f -> {
			assertThat(f.rule()).isEqualTo("account-created");
			assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
			assertThat(f.count()).isEqualTo(1);
			assertThat(f.accounts()).containsExactly("OFFSEC\\admin-kriss", "OFFSEC\\lambda-user");
			assertThat(f.hosts()).containsExactly("rootdc1.offsec.lan");
			assertThat(f.summary()).isEqualTo(
					"2020/07/12 14:10:08 にアカウント OFFSEC\\admin-kriss が作成されました（作成者 OFFSEC\\lambda-user、ホスト rootdc1.offsec.lan）。担当者が作成したものか確認し、不要ならアカウント台帳と照らして削除してください。");
		});
	}

	@Test
	void saysWhenTheCreatorIsUnknown() {
		assertThat(run(rule, List.of(created(at("2025-01-06T00:00:00Z"), "useradd-test", null, null).build())))
			.singleElement()
			.satisfies(f -> assertThat(f.summary()).contains("useradd-test", "作成者不明"));
	}

	@Test
	void ignoresOtherEvents() {
		assertThat(run(rule, List.of(Events.deleted(at("2025-01-06T00:00:00Z"), "x", null, "y").build(),
				Events.success(at("2025-01-06T00:00:00Z"), "x").build())))
			.isEmpty();
	}

}
