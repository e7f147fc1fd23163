package jp.mamori.account;

import java.time.LocalDate;
import java.util.HashMap;
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
class AccountChecksTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerMother mother;

	@Autowired
	RoleMatrixDefinedCheck roleMatrix;

	@Autowired
	NoLeaverEnabledCheck noLeaver;

	@Autowired
	PasswordPolicyR7Check passwordPolicy;

	@Autowired
	PasswordReuseProhibitedCheck passwordReuse;

	@Autowired
	TwoFactorCheck twoFactor;

	Organization org;

	EvaluationContext context;

	@BeforeEach
	void freshClinic() {
		this.org = this.fixtures.clinicWith(Fixtures.uniqueName("acc"), OrgRole.ADMIN);
		this.context = new EvaluationContext(this.org.id(), FiscalYear.of(2025), LocalDate.of(2025, 6, 15));
	}

	// 2-④

	@Test
	void roleMatrixIsUnknownWithoutMatrixOrAccounts() {
		assertThat(this.roleMatrix.evaluate(this.context).status()).isEqualTo(CheckStatus.UNKNOWN);
	}

	@Test
	void roleMatrixFailsWhenOnlyAccountsAreRecorded() {
		account("電子カルテ", "nurse01", "看護 花子", Map.of("role", "看護師"));
		CheckResult result = this.roleMatrix.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("権限表").contains("1 件"));
	}

	@Test
	void roleMatrixFailsWhenEveryEnabledAccountIsAdmin() {
		matrixRow();
		LedgerRow a = account("電子カルテ", "admin1", "管理 一郎", Map.of("admin", "はい", "role", "システム管理"));
		LedgerRow b = account("電子カルテ", "admin2", "管理 二郎", Map.of("admin", "○", "role", "システム管理"));
		account("電子カルテ", "old", "旧 職員", Map.of("admin", "いいえ", "disabledOn", "2025-04-01"));
		CheckResult result = this.roleMatrix.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("全員が管理者権限").contains("2 件"));
		assertThat(result.refs()).extracting(CheckResult.Ref::rowId).containsExactlyInAnyOrder(a.id(), b.id());
	}

	@Test
	void roleMatrixFailsForAnAdminWithoutRole() {
		matrixRow();
		account("電子カルテ", "nurse01", "看護 花子", Map.of("admin", "いいえ"));
		LedgerRow admin = account("レセコン", "kanri", "事務 太郎", Map.of("admin", "はい"));
		CheckResult result = this.roleMatrix.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).singleElement().asString().contains("レセコン の利用者ID kanri").contains("権限・ロール");
		assertThat(result.refs()).singleElement()
			.satisfies(ref -> assertThat(ref.rowId()).isEqualTo(admin.id()))
			.satisfies(ref -> assertThat(ref.ledger()).isEqualTo(AccountLedgers.ACCOUNTS))
			.satisfies(ref -> assertThat(ref.label()).isEqualTo("レセコン / kanri"));
	}

	@Test
	void roleMatrixPassesWithJustifiedAdmins() {
		matrixRow();
		account("電子カルテ", "nurse01", "看護 花子", Map.of("admin", "いいえ"));
		account("電子カルテ", "sysadmin", "情報 太郎", Map.of("admin", "はい", "role", "システム担当（ユーザー管理）"));
		CheckResult result = this.roleMatrix.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.PASS);
		assertThat(result.reasons()).singleElement().asString().contains("管理者権限は 1 件");
	}

	// 2-⑤

	@Test
	void noLeaverIsUnknownWithoutAccounts() {
		staff("山田 花子", Map.of("employmentStatus", "退職", "leftOn", "2025-03-31"));
		assertThat(this.noLeaver.evaluate(this.context).status()).isEqualTo(CheckStatus.UNKNOWN);
	}

	@Test
	void noLeaverIsUnknownWithoutRoster() {
		account("電子カルテ", "yamada", "山田花子", Map.of());
		CheckResult result = this.noLeaver.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.UNKNOWN);
		assertThat(result.reasons()).singleElement().asString().contains("職員名簿");
	}

	@Test
	void noLeaverFailsForALeaversEnabledAccount() {
		LedgerRow leaver = staff("山田 花子", Map.of("employmentStatus", "退職", "leftOn", "2025-03-31"));
		staff("鈴木 次郎", Map.of("employmentStatus", "在職"));
		LedgerRow account = account("電子カルテ", "yamada", "山田花子", Map.of());
		account("電子カルテ", "suzuki", "鈴木 次郎", Map.of("lastLoginOn", "2025-06-01"));
		CheckResult result = this.noLeaver.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).containsExactly("電子カルテ の利用者ID yamada は退職者（山田 花子、退職日 2025-03-31）のものですが、無効になっていません");
		assertThat(result.refs()).extracting(CheckResult.Ref::rowId).containsExactly(account.id(), leaver.id());
	}

	@Test
	void noLeaverCountsALeavingDateOnOrBeforeTodayAndIgnoresDisabledAccounts() {
		staff("佐藤 一郎", Map.of("employmentStatus", "在職", "leftOn", "2025-06-15"));
		staff("高橋 三郎", Map.of("employmentStatus", "退職", "leftOn", "2025-03-31"));
		staff("伊藤 四郎", Map.of("employmentStatus", "在職", "leftOn", "2025-09-30"));
		LedgerRow sato = account("レセコン", "sato", "佐藤 一郎", Map.of());
		account("電子カルテ", "takahashi", "高橋 三郎", Map.of("disabledOn", "2025-03-31"));
		account("電子カルテ", "ito", "伊藤 四郎", Map.of());
		CheckResult result = this.noLeaver.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).singleElement().asString().contains("レセコン の利用者ID sato").contains("退職日 2025-06-15");
		assertThat(result.refs()).extracting(CheckResult.Ref::rowId).contains(sato.id());
	}

	@Test
	void noLeaverFailsForAnAccountUnusedForMoreThan90Days() {
		staff("田中 誠", Map.of("employmentStatus", "在職"));
		account("電子カルテ", "tanaka", "田中 誠", Map.of("lastLoginOn", "2025-03-17"));
		LedgerRow unused = account("電子カルテ", "tanaka2", "田中 誠", Map.of("lastLoginOn", "2025-03-16"));
		CheckResult result = this.noLeaver.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons())
			.containsExactly("電子カルテ の利用者ID tanaka2 は最終ログインが 2025-03-16（91日前）で、90日を超えて使われていませんが、無効になっていません");
		assertThat(result.refs()).extracting(CheckResult.Ref::rowId).containsExactly(unused.id());
	}

	@Test
	void noLeaverFailsForASharedAccountWithoutReason() {
		staff("田中 誠", Map.of("employmentStatus", "在職"));
		LedgerRow shared = account("検査システム", "kensa", "", Map.of("kind", "共用"));
		account("検査システム", "kensa-night", "", Map.of("kind", "共用", "note", "夜間の検体受付端末で使用（端末は施錠室）"));
		CheckResult result = this.noLeaver.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).singleElement().asString().contains("検査システム の利用者ID kensa ").contains("共用");
		assertThat(result.refs()).extracting(CheckResult.Ref::rowId).containsExactly(shared.id());
	}

	@Test
	void noLeaverPassesWhenLeaversAreDisabled() {
		staff("山田 花子", Map.of("employmentStatus", "退職", "leftOn", "2025-03-31"));
		staff("鈴木 次郎", Map.of("employmentStatus", "在職"));
		account("電子カルテ", "yamada", "山田 花子", Map.of("disabledOn", "2025-03-31"));
		account("電子カルテ", "suzuki", "鈴木 次郎", Map.of("lastLoginOn", "2025-06-14"));
		CheckResult result = this.noLeaver.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.PASS);
		assertThat(result.reasons()).singleElement().asString().contains("有効なアカウント 1 件");
	}

	// 2-⑦

	@Test
	void passwordPolicyIsUnknownWithoutRules() {
		assertThat(this.passwordPolicy.evaluate(this.context).status()).isEqualTo(CheckStatus.UNKNOWN);
	}

	@Test
	void passwordPolicyFailsForShortOrNeverChangedPasswords() {
		LedgerRow shortRule = policy("レセコン", Map.of("minLength", "6", "complexity", "はい", "changeDays", "90"));
		LedgerRow noChange = policy("電子カルテ", Map.of("minLength", "10", "complexity", "はい", "changeDays", "0"));
		policy("VPN装置", Map.of("minLength", "8", "complexity", "はい", "twoFactor", "はい"));
		policy("ファイルサーバ", Map.of("minLength", "16"));
		CheckResult result = this.passwordPolicy.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).hasSize(2);
		assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("レセコン").contains("最小 6 文字"));
		assertThat(result.reasons()).anySatisfy(r -> assertThat(r).startsWith("電子カルテ").contains("定期的に変更"));
		assertThat(result.refs()).extracting(CheckResult.Ref::rowId)
			.containsExactlyInAnyOrder(shortRule.id(), noChange.id());
	}

	@Test
	void passwordPolicyFailsWithoutComplexityBelow13Characters() {
		LedgerRow rule = policy("電子カルテ", Map.of("minLength", "12", "complexity", "いいえ", "changeDays", "90"));
		CheckResult result = this.passwordPolicy.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).singleElement().asString().contains("混在なし");
		assertThat(result.refs()).singleElement()
			.satisfies(ref -> assertThat(ref.label()).isEqualTo("電子カルテ"))
			.satisfies(ref -> assertThat(ref.rowId()).isEqualTo(rule.id()));
	}

	@Test
	void passwordPolicyPassesForR7Rules() {
		policy("電子カルテ", Map.of("minLength", "8", "complexity", "はい", "changeDays", "90"));
		policy("ファイルサーバ", Map.of("minLength", "13"));
		CheckResult result = this.passwordPolicy.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.PASS);
		assertThat(result.reasons()).singleElement().asString().contains("2 システム");
	}

	// 2-⑧

	@Test
	void passwordReuseIsUnknownWithoutRules() {
		assertThat(this.passwordReuse.evaluate(this.context).status()).isEqualTo(CheckStatus.UNKNOWN);
	}

	@Test
	void passwordReuseFailsWhereReuseIsNotProhibited() {
		policy("電子カルテ", Map.of("reuseProhibited", "はい"));
		LedgerRow no = policy("レセコン", Map.of("reuseProhibited", "いいえ"));
		LedgerRow blank = policy("VPN装置", Map.of());
		CheckResult result = this.passwordReuse.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).hasSize(2)
			.anySatisfy(r -> assertThat(r).startsWith("レセコン").contains("記録: いいえ"))
			.anySatisfy(r -> assertThat(r).startsWith("VPN装置").contains("記録: 未記入"));
		assertThat(result.refs()).extracting(CheckResult.Ref::rowId).containsExactlyInAnyOrder(no.id(), blank.id());
	}

	@Test
	void passwordReusePassesWhenProhibitedEverywhere() {
		policy("電子カルテ", Map.of("reuseProhibited", "はい"));
		assertThat(this.passwordReuse.evaluate(this.context).status()).isEqualTo(CheckStatus.PASS);
	}

	// 2-⑩

	@Test
	void twoFactorIsUnknownWithoutRules() {
		assertThat(this.twoFactor.evaluate(this.context).status()).isEqualTo(CheckStatus.UNKNOWN);
	}

	@Test
	void twoFactorFailsListingSystemsWithoutIt() {
		policy("VPN装置", Map.of("twoFactor", "はい"));
		LedgerRow ehr = policy("電子カルテ", Map.of("twoFactor", "いいえ"));
		CheckResult result = this.twoFactor.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).singleElement().asString().startsWith("電子カルテ").contains("令和9年度までに");
		assertThat(result.refs()).extracting(CheckResult.Ref::rowId).containsExactly(ehr.id());
	}

	@Test
	void twoFactorShowsTwentyReasonsThenTheCountOfTheRest() {
		for (int i = 1; i <= 23; i++) {
			policy("システム" + i, Map.of());
		}
		CheckResult result = this.twoFactor.evaluate(this.context);
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).hasSize(21).last().isEqualTo("ほか 3 件");
		assertThat(result.refs()).hasSize(23);
	}

	@Test
	void twoFactorPassesWhenEverySystemHasIt() {
		policy("電子カルテ", Map.of("twoFactor", "はい"));
		assertThat(this.twoFactor.evaluate(this.context).status()).isEqualTo(CheckStatus.PASS);
	}

	@Test
	void checksOnlyReadTheirOwnOrganisation() {
		policy("電子カルテ", Map.of("twoFactor", "いいえ"));
		Organization other = this.fixtures.clinicWith(Fixtures.uniqueName("acc-other"), OrgRole.ADMIN);
		EvaluationContext otherContext = new EvaluationContext(other.id(), FiscalYear.of(2025),
				LocalDate.of(2025, 6, 15));
		assertThat(this.twoFactor.evaluate(otherContext).status()).isEqualTo(CheckStatus.UNKNOWN);
	}

	private LedgerRow matrixRow() {
		return this.mother.row(AccountLedgers.ROLE_MATRIX, this.org.id(),
				Map.of("jobType", "看護師", "infoClass", "診療録", "accessLevel", "更新"));
	}

	private LedgerRow staff(String name, Map<String, String> values) {
		Map<String, String> raw = new HashMap<>(values);
		raw.put("name", name);
		return this.mother.row(AccountLedgers.STAFF, this.org.id(), raw);
	}

	private LedgerRow account(String system, String userId, String staffName, Map<String, String> values) {
		Map<String, String> raw = new HashMap<>(values);
		raw.put("system", system);
		raw.put("userId", userId);
		raw.put("staffName", staffName);
		return this.mother.row(AccountLedgers.ACCOUNTS, this.org.id(), raw);
	}

	private LedgerRow policy(String system, Map<String, String> values) {
		Map<String, String> raw = new HashMap<>(values);
		raw.put("system", system);
		return this.mother.row(AccountLedgers.PASSWORD_POLICIES, this.org.id(), raw);
	}

}
