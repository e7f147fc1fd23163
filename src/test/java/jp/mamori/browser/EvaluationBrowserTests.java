package jp.mamori.browser;

import java.time.LocalDate;
import java.util.Map;

import jp.mamori.assessment.AnswerCommand;
import jp.mamori.assessment.RecordAnswer;
import jp.mamori.identity.OrgRole;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Browser;
import jp.mamori.support.BrowserJourney;
import jp.mamori.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real Chromium: a はい that the ledgers contradict (a leaver's EHR account still
 * enabled) is marked on the checklist, with the reason; a remediation task is made from
 * it.
 */
class EvaluationBrowserTests extends BrowserJourney {

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerRecords records;

	@Autowired
	Ledgers ledgers;

	@Autowired
	RecordAnswer recordAnswer;

	@Test
	void aContradictedYesIsMarkedAndBecomesATask() {
		var clinic = fixtures.clinicWithR7Checklist("evidence-director", OrgRole.ADMIN);
		var org = clinic.org().id();
		records.create(ledgers.require("staff"), org,
				Map.of("name", "山田 花子", "employmentStatus", "退職", "leftOn", "2025-03-31"), "test");
		records.create(ledgers.require("accounts"), org,
				Map.of("system", "電子カルテ", "userId", "yamada", "staffName", "山田 花子"), "test");
		recordAnswer.record(org, clinic.assessment(), 1, "2-5",
				new AnswerCommand("yes", LocalDate.of(2025, 6, 1), null, null, null), clinic.username());

		login(clinic.username(), Fixtures.PASSWORD);
		wait.until(ExpectedConditions.urlContains("/dashboard"));
		driver.get(url("/orgs/" + org + "/assessments/" + clinic.assessment()));

		var marker = wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#suggestion-2-5 .badge.disagree")));
		assertThat(marker.getText()).contains("食い違っています");
		assertThat(driver.findElement(By.id("suggestion-2-5")).getText()).contains("yamada").contains("いいえ");
		assertThat(driver.findElement(By.id("disagreements")).getText()).contains("1");
		driver.executeScript("document.getElementById('item-2-5').scrollIntoView()");
		Browser.screenshot(driver, "evidence-01-disagreement");

		wait.until(ExpectedConditions.elementToBeClickable(By.id("create-task-2-5"))).click();
		wait.until(ExpectedConditions.urlContains("/tasks/"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("2-⑤");
		assertThat(driver.getPageSource()).contains("yamada");
		Browser.screenshot(driver, "evidence-02-task");
	}

}
