package jp.mamori.vendor;

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

/** The vendor check (2-③) against rows of a fresh clinic each. */
@IntegrationTest
class VendorChecksTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerMother mother;

	@Autowired
	MdsSdsReviewedCheck mdsSdsReviewed;

	Organization clinic() {
		return fixtures.clinicWith(Fixtures.uniqueName("vendor"), OrgRole.ADMIN);
	}

	static EvaluationContext context(Organization org) {
		return new EvaluationContext(org.id(), FiscalYear.of(2025), LocalDate.of(2025, 6, 15));
	}

	@Test
	void notApplicableWithoutMaintenanceContracts() {
		Organization org = clinic();
		assertThat(mdsSdsReviewed.evaluate(context(org)).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
		mother.row(VendorLedgers.VENDORS, org.id(), Map.of("name", "文具店", "maintenanceContract", "いいえ"));
		assertThat(mdsSdsReviewed.evaluate(context(org)).status()).isEqualTo(CheckStatus.NOT_APPLICABLE);
	}

	@Test
	void passesWhenEveryContractedVendorsDisclosureWasReceivedAndReviewed() {
		Organization org = clinic();
		mother.row(VendorLedgers.VENDORS, org.id(), Map.of("name", "○○メディカル株式会社", "maintenanceContract", "はい"));
		mother.row(VendorLedgers.MDS_SDS, org.id(),
				Map.of("vendor", "○○メディカル株式会社", "kind", "SDS", "receivedOn", "2025-05-01", "reviewedOn", "2025-05-15"));
		CheckResult result = mdsSdsReviewed.evaluate(context(org));
		assertThat(result.status()).isEqualTo(CheckStatus.PASS);
		assertThat(result.reasons().get(0)).contains("1 社");
	}

	@Test
	void failsForAVendorWithoutOrWithAnUnreviewedDisclosure() {
		Organization org = clinic();
		LedgerRow missing = mother.row(VendorLedgers.VENDORS, org.id(),
				Map.of("name", "△△システムズ", "maintenanceContract", "はい"));
		LedgerRow unreviewed = mother.row(VendorLedgers.VENDORS, org.id(),
				Map.of("name", "□□画像", "maintenanceContract", "はい"));
		LedgerRow document = mother.row(VendorLedgers.MDS_SDS, org.id(),
				Map.of("vendor", "□□画像", "kind", "MDS", "receivedOn", "2025-05-01"));
		CheckResult result = mdsSdsReviewed.evaluate(context(org));
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).anyMatch(r -> r.startsWith("△△システムズ は保守契約がありますが、MDS/SDS が記録されていません"))
			.anyMatch(r -> r.startsWith("□□画像 の MDS/SDS は受領日と確認日"));
		assertThat(result.refs()).extracting(CheckResult.Ref::rowId)
			.contains(missing.id(), unreviewed.id(), document.id());
	}

}
