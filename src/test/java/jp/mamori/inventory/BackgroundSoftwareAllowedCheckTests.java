package jp.mamori.inventory;

import java.time.LocalDate;
import java.util.Map;

import jp.mamori.evaluation.CheckStatus;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** 2-⑫: software on servers and PCs against the allowlist for their kind. */
@IntegrationTest
class BackgroundSoftwareAllowedCheckTests {

	@Autowired
	BackgroundSoftwareAllowedCheck check;

	@Autowired
	LedgerRecords records;

	@Autowired
	Ledgers ledgers;

	@Autowired
	Fixtures fixtures;

	EvaluationContext context(Organization org) {
		return new EvaluationContext(org.id(), FiscalYear.of(2025), LocalDate.of(2025, 6, 15));
	}

	Organization clinic() {
		return fixtures.clinicWith(Fixtures.uniqueName("software"), OrgRole.ADMIN);
	}

	void allow(Organization org, String kind, String software) {
		records.create(ledgers.require("software-allowlist"), org.id(),
				Map.of("deviceKind", kind, "software", software), "test");
	}

	void device(Organization org, String name, String software) {
		records.create(ledgers.require("devices"), org.id(), Map.of("name", name, "kind", "端末PC", "software", software),
				"test");
	}

	@Test
	void isUnknownWithoutAnAllowlist() {
		Organization org = clinic();
		device(org, "受付PC-01", "Microsoft Office 2021");

		assertThat(check.evaluate(context(org)).status()).isEqualTo(CheckStatus.UNKNOWN);
	}

	@Test
	void passesWhenEverySoftwareIsAllowedForItsKind() {
		Organization org = clinic();
		allow(org, "端末PC", "Microsoft Office");
		allow(org, "端末PC", "電子カルテ クライアント");
		device(org, "受付PC-01", "Microsoft Office 2021 16.0\n電子カルテクライアント 5.2");

		var result = check.evaluate(context(org));

		assertThat(result.status()).isEqualTo(CheckStatus.PASS);
		assertThat(result.reasons()).singleElement().satisfies(r -> assertThat(r).contains("2 件"));
	}

	@Test
	void failsNamingTheDeviceAndTheSoftwareNotAllowed() {
		Organization org = clinic();
		allow(org, "端末PC", "Microsoft Office");
		allow(org, "サーバ", "AnyDesk");
		device(org, "医事課PC-03", "Microsoft Office 2021\nAnyDesk 8.0");

		var result = check.evaluate(context(org));

		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).singleElement()
			.satisfies(r -> assertThat(r).contains("医事課PC-03").contains("AnyDesk 8.0"));
		assertThat(result.refs()).extracting(r -> r.label()).containsExactly("医事課PC-03");
	}

}
