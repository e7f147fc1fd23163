package jp.mamori.devdata;

import java.util.List;
import java.util.Map;

import jp.mamori.account.AccountLedgers;
import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.organization.DetailConsent;
import jp.mamori.organization.GroupMember;
import jp.mamori.organization.OrganizationGroups;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class GenerateDevDataIntegrationTests {

	@Autowired
	GenerateDevData generator;

	@Autowired
	Ledgers ledgers;

	@Autowired
	LedgerStore store;

	@Autowired
	Organizations organizations;

	@Autowired
	OrganizationGroups groups;

	@Autowired
	AssessmentQueries assessments;

	@Test
	void sameSeedStoresTheSameDataTwice() {
		GenerateDevData.Generated first = generator.generate(new DataSpec("生成テスト病院A", 1, 40, 60, 2_000, 7), s -> {
		});
		GenerateDevData.Generated second = generator.generate(new DataSpec("生成テスト病院B", 1, 40, 60, 2_000, 7), s -> {
		});
		OrgId a = first.orgs().get(0);
		OrgId b = second.orgs().get(0);

		assertThat(first.devices()).isEqualTo(40);
		assertThat(first.accounts()).isEqualTo(60);
		assertThat(first.events()).isEqualTo(2_000);
		assertThat(first.eventsAdded()).isEqualTo(second.eventsAdded()).isPositive();
		assertThat(first.answers()).isEqualTo(second.answers()).isPositive();
		for (String ledger : List.of(InventoryLedgers.DEVICES, AccountLedgers.STAFF, AccountLedgers.ACCOUNTS)) {
			assertThat(values(ledger, b)).as(ledger)
				.isNotEmpty()
				.containsExactlyInAnyOrderElementsOf(values(ledger, a));
		}
	}

	@Test
	void severalOrganisationsFormAGroupWithConsent() {
		GenerateDevData.Generated result = generator.generate(new DataSpec("生成テストグループ", 20, 3, 4, 0, 1), s -> {
		});

		assertThat(result.group()).isNotNull();
		assertThat(organizations.require(result.group()).name()).isEqualTo("生成テストグループ");
		List<GroupMember> members = groups.members(result.group());
		assertThat(members).hasSize(20).allSatisfy(m -> assertThat(m.accepted()).isTrue());
		assertThat(members).extracting(GroupMember::consent)
			.contains(DetailConsent.FULL, DetailConsent.SUMMARY, DetailConsent.NONE);
		assertThat(assessments.list(result.orgs().get(5))).hasSize(1);
	}

	private List<Map<String, Object>> values(String ledger, OrgId org) {
		return store.list(ledgers.require(ledger), org, 0, 100_000).stream().map(LedgerRow::values).toList();
	}

}
