package jp.mamori.policy;

import java.time.LocalDate;
import java.util.Map;

import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.CheckStatus;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import jp.mamori.support.LedgerMother;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PolicyChecksTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerMother mother;

	@Autowired
	SecurityManagerDesignatedCheck securityManager;

	@Autowired
	OperatingRulesCurrentCheck operatingRules;

	Organization org;

	EvaluationContext context;

	@BeforeEach
	void freshClinic() {
		this.org = this.fixtures.clinicWith(Fixtures.uniqueName("pol"), OrgRole.ADMIN);
		this.context = new EvaluationContext(this.org.id(), FiscalYear.of(2025), LocalDate.of(2025, 6, 15));
	}

	// 1-①

	@Test
	void securityManagerFailsWhenNobodyIsRecorded() {
		CheckResult result = this.securityManager.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).singleElement().asString().contains("安全管理責任者");
	}

	@Test
	void securityManagerFailsNamingThePersonWhenTheApprovalIsMissing() {
		LedgerRow row = manager(Map.of("person", "鈴木 一郎", "appointedOn", "2024-04-01"));
		CheckResult result = this.securityManager.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).singleElement().asString().contains("鈴木 一郎").contains("承認者");
		assertThat(result.refs()).singleElement()
			.satisfies(ref -> assertThat(ref.rowId()).isEqualTo(row.id()))
			.satisfies(ref -> assertThat(ref.ledger()).isEqualTo(PolicyLedgers.SECURITY_MANAGER))
			.satisfies(ref -> assertThat(ref.label()).isEqualTo("鈴木 一郎"));
	}

	@Test
	void securityManagerFailsWhenTheNewestDesignationHasNoDate() {
		manager(Map.of("person", "鈴木 一郎", "appointedOn", "2020-04-01", "approvedBy", "院長 田中 誠"));
		LedgerRow newest = manager(Map.of("person", "佐藤 花子", "approvedBy", "院長 田中 誠"));
		CheckResult result = this.securityManager.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).singleElement().asString().contains("佐藤 花子").contains("指名日");
		assertThat(result.refs()).extracting(CheckResult.Ref::rowId).containsExactly(newest.id());
	}

	@Test
	void securityManagerPassesNamingTheLatestDesignatedPerson() {
		manager(Map.of("person", "鈴木 一郎", "appointedOn", "2020-04-01", "approvedBy", "院長 田中 誠"));
		manager(Map.of("person", "佐藤 花子", "position", "副院長", "appointedOn", "2024-04-01", "approvedBy", "院長 田中 誠",
				"approvalMeeting", "令和6年3月 運営会議"));
		CheckResult result = this.securityManager.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.PASS);
		assertThat(result.reasons()).singleElement()
			.asString()
			.contains("佐藤 花子")
			.contains("2024-04-01")
			.contains("院長 田中 誠");
	}

	// 4-①

	@Test
	void operatingRulesFailWhenNoneIsRecorded() {
		document(Map.of("title", "情報セキュリティ方針", "kind", "情報セキュリティ方針", "approvedOn", "2025-04-01"));
		CheckResult result = this.operatingRules.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).singleElement().asString().contains("運用管理規程");
	}

	@Test
	void operatingRulesFailWhenNotApproved() {
		LedgerRow draft = document(Map.of("title", "医療情報システム運用管理規程（案）", "kind", "運用管理規程"));
		CheckResult result = this.operatingRules.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).singleElement().asString().contains("医療情報システム運用管理規程（案）").contains("承認日");
		assertThat(result.refs()).extracting(CheckResult.Ref::rowId).containsExactly(draft.id());
	}

	@Test
	void operatingRulesFailWhenTheReviewIsOverdue() {
		LedgerRow rules = document(Map.of("title", "医療情報システム運用管理規程", "kind", "operating_rules", "documentVersion",
				"第1版", "approvedOn", "2023-04-01", "nextReviewOn", "2025-03-31"));
		CheckResult result = this.operatingRules.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).singleElement().asString().contains("医療情報システム運用管理規程").contains("2025-03-31");
		assertThat(result.refs()).singleElement()
			.satisfies(ref -> assertThat(ref.rowId()).isEqualTo(rules.id()))
			.satisfies(ref -> assertThat(ref.ledger()).isEqualTo(PolicyLedgers.DOCUMENTS));
	}

	@Test
	void operatingRulesPassNamingTheCurrentVersion() {
		document(Map.of("title", "医療情報システム運用管理規程", "kind", "運用管理規程", "documentVersion", "第1版", "approvedOn",
				"2023-04-01", "nextReviewOn", "2025-03-31"));
		document(Map.of("title", "医療情報システム運用管理規程", "kind", "運用管理規程", "documentVersion", "第2版", "approvedOn",
				"2025-04-01", "nextReviewOn", "2026-03-31"));
		CheckResult result = this.operatingRules.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.PASS);
		assertThat(result.reasons()).singleElement()
			.asString()
			.contains("医療情報システム運用管理規程")
			.contains("第2版")
			.contains("2026-03-31");
	}

	private LedgerRow manager(Map<String, String> raw) {
		return this.mother.row(PolicyLedgers.SECURITY_MANAGER, this.org.id(), raw);
	}

	private LedgerRow document(Map<String, String> raw) {
		return this.mother.row(PolicyLedgers.DOCUMENTS, this.org.id(), raw);
	}

}
