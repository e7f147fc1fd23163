package jp.mamori.accesslog;

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

/** The access-log check (2-⑪) against rows of a fresh clinic each. */
@IntegrationTest
class AccessLogChecksTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerMother mother;

	@Autowired
	ServerLogsReviewedCheck serverLogsReviewed;

	Organization clinic() {
		return fixtures.clinicWith(Fixtures.uniqueName("log"), OrgRole.ADMIN);
	}

	static EvaluationContext context(Organization org) {
		return new EvaluationContext(org.id(), FiscalYear.of(2025), LocalDate.of(2025, 6, 15));
	}

	LedgerRow server(Organization org, String name, String hostname, String system) {
		return mother.row("devices", org.id(),
				Map.of("name", name, "kind", "サーバ", "hostname", hostname, "system", system));
	}

	@Test
	void unknownWithoutAServerInUse() {
		Organization org = clinic();
		assertThat(serverLogsReviewed.evaluate(context(org)).status()).isEqualTo(CheckStatus.UNKNOWN);
		mother.row("devices", org.id(), Map.of("name", "受付PC", "kind", "pc"));
		mother.row("devices", org.id(), Map.of("name", "旧サーバ", "kind", "server", "status", "retired"));
		assertThat(serverLogsReviewed.evaluate(context(org)).status()).isEqualTo(CheckStatus.UNKNOWN);
	}

	@Test
	void passesWhenEveryServerHasALogReviewedWithin31Days() {
		Organization org = clinic();
		server(org, "電子カルテサーバ1", "EMR-SV01", "電子カルテ");
		server(org, "レセコンサーバ", "RECE-SV", "レセコン");
		mother.row(AccessLogLedgers.LOG_SOURCES, org.id(),
				Map.of("source", "電子カルテサーバ1", "lastReviewedOn", "2025-05-15"));
		mother.row(AccessLogLedgers.LOG_SOURCES, org.id(), Map.of("source", "rece-sv", "lastReviewedOn", "2025-06-10"));
		CheckResult result = serverLogsReviewed.evaluate(context(org));
		assertThat(result.status()).isEqualTo(CheckStatus.PASS);
		assertThat(result.reasons().get(0)).contains("2 台");
	}

	@Test
	void failsForAServerWithoutLogsOrWithAStaleReview() {
		Organization org = clinic();
		LedgerRow unlisted = server(org, "画像サーバ", "PACS-SV", "PACS");
		LedgerRow stale = server(org, "電子カルテサーバ1", "EMR-SV01", "電子カルテ");
		LedgerRow log = mother.row(AccessLogLedgers.LOG_SOURCES, org.id(),
				Map.of("source", "電子カルテ", "lastReviewedOn", "2025-05-14"));
		CheckResult result = serverLogsReviewed.evaluate(context(org));
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).containsExactlyInAnyOrder("画像サーバ（サーバ）のログがログリストに記録されていません。",
				"電子カルテサーバ1 のログの最終確認日が 2025-05-14（31日より前）です。");
		assertThat(result.refs()).extracting(CheckResult.Ref::rowId).contains(unlisted.id(), stale.id(), log.id());
	}

	@Autowired
	ImportAccessLog importer;

	@Autowired
	AnalyseAccessLogs analyser;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void failsWhenASeriousLogFindingWasLeftUnreadForAMonth() throws java.io.IOException {
		Organization org = clinic();
		server(org, "電子カルテサーバ1", "EMR-SV01", "電子カルテ");
		mother.row(AccessLogLedgers.LOG_SOURCES, org.id(),
				Map.of("source", "電子カルテサーバ1", "lastReviewedOn", "2025-06-10"));
		try (var in = getClass().getResourceAsStream("/accesslog/import/clinic-secure.log")) {
			importer.importFile(org.id(), null, "secure", in, null, "it-staff", null);
		}
		analyser.analyse(org.id());
		// found today: still within the month
		assertThat(serverLogsReviewed.evaluate(context(org)).status()).isEqualTo(CheckStatus.PASS);

		jdbc.sql("update accesslog_finding set detected_at = ? where org_id = ?")
			.params(java.time.OffsetDateTime.parse("2025-05-01T00:00:00Z"), org.id().value())
			.update();
		CheckResult result = serverLogsReviewed.evaluate(context(org));
		assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
		assertThat(result.reasons()).anySatisfy(r -> assertThat(r).contains("brute-force").contains("root"));
	}

}
