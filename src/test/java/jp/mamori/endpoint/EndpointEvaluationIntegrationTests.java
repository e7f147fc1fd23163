package jp.mamori.endpoint;

import java.util.List;

import jp.mamori.endpoint.facts.CollectorExamples;
import jp.mamori.evaluation.CheckStatus;
import jp.mamori.evaluation.Evaluation;
import jp.mamori.evaluation.Suggestion;
import jp.mamori.identity.OrgRole;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint checks in the evaluation: unknown before any collector file, failing with
 * the machines named once the Windows 10 reception PC is imported (items 2-④, 2-⑥, 2-⑧,
 * 2-⑨ and 2-⑫ of R7 suggest いいえ), passing once only a clean server is imported.
 */
@IntegrationTest
class EndpointEvaluationIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	ImportCollectorFiles importer;

	@Autowired
	Evaluation evaluation;

	static List<ImportCollectorFiles.Upload> uploads(String... names) {
		return java.util.Arrays.stream(names)
			.map(n -> new ImportCollectorFiles.Upload(n, CollectorExamples.bytes(n)))
			.toList();
	}

	static Evaluation.CheckOutcome outcome(Evaluation.ItemEvaluation item, String checkId) {
		return item.checks().stream().filter(c -> c.id().equals(checkId)).findFirst().orElseThrow();
	}

	@ParameterizedTest
	@CsvSource({ "2-6, endpoint.patches-and-antivirus", "2-9, endpoint.usb-restricted",
			"2-12, endpoint.no-unneeded-services", "2-8, endpoint.no-shared-local-admin",
			"2-4, endpoint.local-admins-limited" })
	void itemTurnsToNoAfterTheImport(String itemId, String checkId) {
		Fixtures.ClinicWithChecklist clinic = fixtures.clinicWithR7Checklist("endpoint-eval", OrgRole.ADMIN);
		Evaluation.ItemEvaluation before = evaluation.evaluateItem(clinic.org().id(), clinic.assessment(), itemId);
		assertThat(outcome(before, checkId).result().status()).isEqualTo(CheckStatus.UNKNOWN);

		importer.importFiles(clinic.org().id(),
				uploads(CollectorExamples.WIN10, CollectorExamples.WIN11, CollectorExamples.SERVER2016), "it-staff");

		Evaluation.ItemEvaluation after = evaluation.evaluateItem(clinic.org().id(), clinic.assessment(), itemId);
		assertThat(after.suggestion()).isEqualTo(Suggestion.NO);
		Evaluation.CheckOutcome check = outcome(after, checkId);
		assertThat(check.result().status()).isEqualTo(CheckStatus.FAIL);
		assertThat(check.result().refs()).extracting(r -> r.label()).contains("UKETSUKE-PC01");
	}

	@Test
	void cleanServerPassesTheEndpointChecks() {
		Fixtures.ClinicWithChecklist clinic = fixtures.clinicWithR7Checklist("endpoint-clean", OrgRole.ADMIN);
		importer.importFiles(clinic.org().id(), uploads(CollectorExamples.SERVER2019), "it-staff");
		for (String[] pair : new String[][] { { "2-6", "endpoint.patches-and-antivirus" },
				{ "2-9", "endpoint.usb-restricted" }, { "2-12", "endpoint.no-unneeded-services" } }) {
			Evaluation.ItemEvaluation item = evaluation.evaluateItem(clinic.org().id(), clinic.assessment(), pair[0]);
			assertThat(outcome(item, pair[1]).result().status()).as(pair[1]).isEqualTo(CheckStatus.PASS);
		}
	}

}
