package jp.mamori.continuity;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The continuity checks (3-①, 3-②, 3-③) against rows of a fresh clinic each. */
@IntegrationTest
class ContinuityChecksTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerMother mother;

	@Autowired
	ContactChartCompleteCheck contactChartComplete;

	@Autowired
	BackupsOfflineTestedCheck backupsOfflineTested;

	@Autowired
	BcpDrilledCheck bcpDrilled;

	Organization clinic() {
		return fixtures.clinicWith(Fixtures.uniqueName("bcp"), OrgRole.ADMIN);
	}

	static EvaluationContext context(Organization org) {
		return new EvaluationContext(org.id(), FiscalYear.of(2025), LocalDate.of(2025, 6, 15));
	}

	void contact(Organization org, String name, String category) {
		mother.row(ContactLedger.CONTACTS, org.id(), Map.of("name", name, "category", category));
	}

	@Test
	void contactChartComplete() {
		Organization org = clinic();
		assertThat(contactChartComplete.evaluate(context(org)).status()).isEqualTo(CheckStatus.UNKNOWN);

		contact(org, "院長 一郎", "院長・管理者");
		contact(org, "医療情報技術推進室", "厚生労働省");
		contact(org, "県警サイバー犯罪相談窓口", "police");
		assertThat(contactChartComplete.evaluate(context(org)).status()).isEqualTo(CheckStatus.PASS);

		mother.row("vendors", org.id(), Map.of("name", "○○メディカル"));
		CheckResult fail = contactChartComplete.evaluate(context(org));
		assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(fail.reasons()).containsExactly("事業者一覧に 1 社ありますが、連絡先に事業者がありません。");

		contact(org, "○○メディカル 保守窓口", "vendor");
		assertThat(contactChartComplete.evaluate(context(org)).status()).isEqualTo(CheckStatus.PASS);
	}

	@Test
	void contactChartNamesEveryMissingCategory() {
		Organization org = clinic();
		contact(org, "受付 花子", "first_finder");
		CheckResult fail = contactChartComplete.evaluate(context(org));
		assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(fail.reasons()).hasSize(3)
			.anyMatch(r -> r.contains("院内の責任者"))
			.anyMatch(r -> r.contains("厚生労働省"))
			.anyMatch(r -> r.contains("警察"));
	}

	@Test
	void backupsOfflineTested() {
		Organization org = clinic();
		assertThat(backupsOfflineTested.evaluate(context(org)).status()).isEqualTo(CheckStatus.UNKNOWN);

		mother.row(ContinuityLedgers.BACKUPS, org.id(), Map.of("system", "電子カルテ", "method", "オンライン"));
		mother.row(ContinuityLedgers.BACKUPS, org.id(), Map.of("system", "電子カルテ", "method", "オフライン",
				"lastRestoreTestOn", "2024-07-01", "restoreTestResult", "成功"));
		LedgerRow procedure = mother.row(ContinuityLedgers.RECOVERY_PROCEDURES, org.id(),
				Map.of("system", "電子カルテ", "priority", "1"));
		assertThat(procedure.id()).isNotNull();
		assertThat(backupsOfflineTested.evaluate(context(org)).status()).isEqualTo(CheckStatus.PASS);

		LedgerRow online = mother.row(ContinuityLedgers.BACKUPS, org.id(), Map.of("system", "レセコン", "method", "online",
				"lastRestoreTestOn", "2024-06-14", "restoreTestResult", "success"));
		CheckResult fail = backupsOfflineTested.evaluate(context(org));
		assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(fail.reasons()).containsExactly("レセコン のバックアップにオフラインまたはイミュータブルの控えがありません。",
				"レセコン は12か月以内（2024-06-15 以降）に成功した復元テストがありません（最後の復元テスト: 2024-06-14、結果: 成功）。");
		assertThat(fail.refs()).extracting(CheckResult.Ref::rowId).containsExactly(online.id());
	}

	@Test
	void backupsFailWithoutRecoveryProcedure() {
		Organization org = clinic();
		mother.row(ContinuityLedgers.BACKUPS, org.id(), Map.of("system", "電子カルテ", "method", "immutable",
				"lastRestoreTestOn", "2025-03-01", "restoreTestResult", "失敗"));
		mother.row(ContinuityLedgers.BACKUPS, org.id(), Map.of("system", "レセコン"));
		CheckResult fail = backupsOfflineTested.evaluate(context(org));
		assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(fail.reasons()).hasSize(4)
			.anyMatch(r -> r.contains("結果: 失敗"))
			.anyMatch(r -> r.contains("復旧手順"))
			.contains("レセコン のバックアップにオフラインまたはイミュータブルの控えがありません。",
					"レセコン は12か月以内（2024-06-15 以降）に成功した復元テストがありません（復元テストの記録なし）。");
	}

	@Test
	void bcpDrilled() {
		Organization org = clinic();
		assertThat(bcpDrilled.evaluate(context(org)).status()).isEqualTo(CheckStatus.UNKNOWN);

		for (String phase : ContinuityLedgers.BCP_PHASES.values()) {
			mother.row(ContinuityLedgers.BCP_POINTS, org.id(), Map.of("phase", phase, "point", phase + "の確認点"));
		}
		CheckResult undrilled = bcpDrilled.evaluate(context(org));
		assertThat(undrilled.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(undrilled.reasons()).singleElement().asString().contains("令和7年度", "訓練をした記録がありません");

		mother.row(ContinuityLedgers.BCP_POINTS, org.id(),
				Map.of("phase", "初動", "point", "訓練", "lastDrillOn", "2025-05-20"));
		assertThat(bcpDrilled.evaluate(context(org)).status()).isEqualTo(CheckStatus.PASS);
	}

	@Test
	void bcpFailsForAMissingPhase() {
		Organization org = clinic();
		mother.row(ContinuityLedgers.BCP_POINTS, org.id(),
				Map.of("phase", "平時", "point", "バックアップ", "lastDrillOn", "2025-05-20"));
		CheckResult fail = bcpDrilled.evaluate(context(org));
		assertThat(fail.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(fail.reasons()).hasSize(4).contains("BCP に「検知」の段階の確認点がありません。");
	}

}
