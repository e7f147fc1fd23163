package jp.mamori.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import jp.mamori.assessment.AnswerCommand;
import jp.mamori.assessment.RecordAnswer;
import jp.mamori.identity.ApiTokens;
import jp.mamori.identity.OrgRole;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Suggestions from the ledgers through the REST contract and on the checklist page, with
 * the disagreement marker.
 */
@IntegrationTest
class EvaluationPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerRecords records;

	@Autowired
	Ledgers ledgers;

	@Autowired
	RecordAnswer recordAnswer;

	@Autowired
	ApiTokens tokens;

	@Test
	void suggestsNoForAnEnabledLeaverAccountAndMarksTheContradictingYes() throws Exception {
		var clinic = fixtures.clinicWithR7Checklist("suggest", OrgRole.ADMIN);
		var org = clinic.org().id();
		records.create(ledgers.require("staff"), org,
				Map.of("name", "山田 花子", "employmentStatus", "退職", "leftOn", "2025-03-31"), "test");
		records.create(ledgers.require("accounts"), org,
				Map.of("system", "電子カルテ", "userId", "yamada", "staffName", "山田 花子"), "test");
		recordAnswer.record(org, clinic.assessment(), 1, "2-5",
				new AnswerCommand("yes", LocalDate.of(2025, 6, 1), null, null, null), clinic.username());
		String token = tokens.create(org, clinic.username(), clinic.username());

		mvc.perform(get("/api/v1/orgs/" + org + "/assessments/" + clinic.assessment() + "/evaluation")
			.header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.itemId == '2-5')].suggestion").value("no"))
			.andExpect(jsonPath("$.items[?(@.itemId == '2-5')].checks[0].id").value("account.no-leaver-enabled"))
			.andExpect(jsonPath("$.items[?(@.itemId == '2-5')].checks[0].status").value("FAIL"));

		String fragment = mvc
			.perform(get("/orgs/" + org + "/assessments/" + clinic.assessment() + "/evaluation").param("round", "1")
				.with(user(clinic.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(fragment).contains("id=\"evaluation-summary\"")
			.contains("id=\"suggestion-2-5\"")
			.contains("hx-swap-oob=\"true\"")
			.contains("回答と証跡が食い違っています")
			.contains("yamada");
	}

}
