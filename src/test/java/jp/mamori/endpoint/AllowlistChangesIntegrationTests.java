package jp.mamori.endpoint;

import java.util.List;
import java.util.Map;

import jp.mamori.endpoint.facts.CollectorExamples;
import jp.mamori.endpoint.facts.EndpointFinding;
import jp.mamori.evaluation.CheckStatus;
import jp.mamori.evaluation.Evaluation;
import jp.mamori.identity.OrgRole;
import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.Severity;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import jp.mamori.support.LedgerMother;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organisation's 許可ソフトウェア一覧 is its service policy in the server: a row approves a
 * service or a remote-access tool on machines of its device kind for that organisation
 * only, and creating or deleting a row computes the findings again without a new import,
 * so the machine page, the machine list's problem count and the 2-⑫ check follow.
 */
@IntegrationTest
class AllowlistChangesIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerMother mother;

	@Autowired
	LedgerRecords records;

	@Autowired
	Ledgers ledgers;

	@Autowired
	ImportCollectorFiles importer;

	@Autowired
	EndpointQueries queries;

	@Autowired
	Evaluation evaluation;

	@Autowired
	MockMvc mvc;

	OrgId clinicWith(String... files) {
		OrgId org = fixtures.clinicWith(Fixtures.uniqueName("allowlist"), OrgRole.ADMIN).id();
		importer.importFiles(org, EndpointEvaluationIntegrationTests.uploads(files), "it-staff");
		return org;
	}

	List<EndpointFinding> findings(OrgId org, String hostname) {
		EndpointMachine machine = queries.machines(org)
			.stream()
			.filter(m -> m.hostname().equals(hostname))
			.findFirst()
			.orElseThrow();
		return queries.findings(org, machine.id());
	}

	String emrServer() {
		return CollectorExamples.read(CollectorExamples.SERVER2016).hostname();
	}

	@Test
	void allowlistRowRemovesTheUnneededServiceForItsOrganisationOnly() {
		OrgId allowing = clinicWith(CollectorExamples.SERVER2016);
		OrgId other = clinicWith(CollectorExamples.SERVER2016);
		assertThat(findings(allowing, emrServer())).extracting(EndpointFinding::id).contains("unneeded-service");

		mother.row(InventoryLedgers.SOFTWARE_ALLOWLIST, allowing,
				Map.of("deviceKind", "server", "software", "Spooler", "purpose", "電子カルテの帳票印刷"));

		assertThat(findings(allowing, emrServer())).extracting(EndpointFinding::id)
			.doesNotContain("unneeded-service")
			.contains("password-never-expires");
		assertThat(findings(other, emrServer())).extracting(EndpointFinding::id).contains("unneeded-service");
	}

	@Test
	void deletingTheRowBringsTheFindingBack() {
		OrgId org = clinicWith(CollectorExamples.SERVER2016);
		LedgerRow row = mother.row(InventoryLedgers.SOFTWARE_ALLOWLIST, org,
				Map.of("deviceKind", "server", "software", "Spooler"));
		assertThat(findings(org, emrServer())).extracting(EndpointFinding::id).doesNotContain("unneeded-service");

		records.delete(ledgers.require(InventoryLedgers.SOFTWARE_ALLOWLIST), org, row.id(), "test");

		assertThat(findings(org, emrServer())).extracting(EndpointFinding::id).contains("unneeded-service");
	}

	@Test
	void approvedRemoteToolIsShownAsApprovedAndTheCheckPasses() {
		Fixtures.ClinicWithChecklist clinic = fixtures.clinicWithR7Checklist("allowlist-eval", OrgRole.ADMIN);
		OrgId org = clinic.org().id();
		importer.importFiles(org, EndpointEvaluationIntegrationTests.uploads(CollectorExamples.SERVER2022), "it-staff");
		String dc = CollectorExamples.read(CollectorExamples.SERVER2022).hostname();
		assertThat(check(clinic)).isEqualTo(CheckStatus.FAIL);

		mother.row(InventoryLedgers.SOFTWARE_ALLOWLIST, org,
				Map.of("deviceKind", "server", "software", "AnyDesk", "approvedBy", "院長"));

		assertThat(findings(org, dc)).filteredOn(f -> f.id().equals("remote-tool-present"))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.severity()).isEqualTo(Severity.INFO);
				assertThat(f.summary()).contains("許可済み").contains("AnyDesk");
			});
		assertThat(check(clinic)).isEqualTo(CheckStatus.PASS);
		assertThat(queries.machines(org)).singleElement()
			.satisfies(m -> assertThat(m.findings()).as("security-log-small only").isEqualTo(1));
	}

	@Test
	void machinePageShowsTheApprovedToolAndTheListLinksTheLedger() throws Exception {
		String username = Fixtures.uniqueName("allowlist");
		OrgId org = fixtures.clinicWith(username, OrgRole.VIEWER).id();
		importer.importFiles(org, EndpointEvaluationIntegrationTests.uploads(CollectorExamples.WIN10), "it-staff");
		mother.row(InventoryLedgers.SOFTWARE_ALLOWLIST, org, Map.of("deviceKind", "pc", "software", "TeamViewer"));

		String list = mvc.perform(get("/orgs/{org}/endpoints", org.value()).with(user(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("許可ソフトウェア一覧").contains("/ledgers/software-allowlist");
		EndpointMachine machine = queries.machines(org).get(0);
		String page = mvc.perform(get("/orgs/{org}/endpoints/{id}", org.value(), machine.id()).with(user(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("許可済みです: TeamViewer").contains("情報");
	}

	CheckStatus check(Fixtures.ClinicWithChecklist clinic) {
		Evaluation.ItemEvaluation item = evaluation.evaluateItem(clinic.org().id(), clinic.assessment(), "2-12");
		return EndpointEvaluationIntegrationTests.outcome(item, "endpoint.no-unneeded-services").result().status();
	}

}
