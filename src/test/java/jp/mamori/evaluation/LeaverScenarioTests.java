package jp.mamori.evaluation;

import java.util.HashMap;
import java.util.Map;

import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's scenario: a leaver's EHR account still enabled makes 2-⑤ suggest いいえ with the
 * account named; disabling it makes 2-⑤ suggest はい.
 */
@IntegrationTest
class LeaverScenarioTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Ledgers ledgers;

	@Autowired
	LedgerRecords records;

	@Autowired
	Evaluation evaluation;

	@Test
	void aLeaversEnabledAccountTurnsTwoFiveToNoUntilItIsDisabled() {
		Fixtures.ClinicWithChecklist clinic = this.fixtures.clinicWithR7Checklist("leaver", OrgRole.ADMIN);
		Organization org = clinic.org();
		LedgerDefinition staff = this.ledgers.require("staff");
		LedgerDefinition accounts = this.ledgers.require("accounts");
		this.records.create(staff, org.id(),
				Map.of("name", "山田 花子", "jobType", "看護師", "employmentStatus", "退職", "leftOn", "2025-03-31"), "test");
		Map<String, String> account = new HashMap<>(Map.of("system", "電子カルテ", "userId", "yamada", "staffName", "山田 花子",
				"kind", "個人", "admin", "いいえ", "lastLoginOn", "2025-03-28"));
		LedgerRow row = this.records.create(accounts, org.id(), account, "test");

		Evaluation.ItemEvaluation before = this.evaluation.evaluate(org.id(), clinic.assessment())
			.item("2-5")
			.orElseThrow();
		assertThat(before.suggestion()).isEqualTo(Suggestion.NO);
		assertThat(before.checks()).singleElement().satisfies(check -> {
			assertThat(check.id()).isEqualTo("account.no-leaver-enabled");
			assertThat(check.result().reasons()).anySatisfy(
					r -> assertThat(r).contains("電子カルテ の利用者ID yamada").contains("山田 花子").contains("2025-03-31"));
			assertThat(check.result().refs()).extracting(CheckResult.Ref::rowId).contains(row.id());
		});

		account.put("disabledOn", "2025-06-15");
		this.records.update(accounts, org.id(), row.id(), row.version(), account, "test");

		Evaluation.ItemEvaluation after = this.evaluation.evaluate(org.id(), clinic.assessment())
			.item("2-5")
			.orElseThrow();
		assertThat(after.suggestion()).isEqualTo(Suggestion.YES);
	}

}
