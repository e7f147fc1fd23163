package jp.mamori.rollup;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;

import jp.mamori.assessment.AnswerCommand;
import jp.mamori.assessment.RecordAnswer;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.organization.DetailConsent;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.OrganizationGroups;
import jp.mamori.organization.Organizations;
import jp.mamori.rollup.internal.RollupWorkbook;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.NotFoundException;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A group of three clinics — full, summary-only and no consent — with known answers on
 * 2025-06-15 (the test clock): A answers 2-5 はい, 2-6 いいえ (目標日 5/31, overdue), 2-13 いいえ
 * (目標日 9/30); B answers 2-5 いいえ (6/1, overdue), 2-6 いいえ (6/14, overdue), 2-13 はい; C
 * answers everything はい but shares nothing. B also keeps a leaver's account enabled.
 */
@IntegrationTest
class GroupRollupTests {

	static final FiscalYear FY = FiscalYear.of(2025);

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organizations organizations;

	@Autowired
	OrganizationGroups groups;

	@Autowired
	UserAccounts users;

	@Autowired
	RecordAnswer recordAnswer;

	@Autowired
	GroupRollup rollups;

	@Autowired
	jp.mamori.shared.ledger.Ledgers ledgers;

	@Autowired
	jp.mamori.shared.ledger.LedgerRecords records;

	@Autowired
	MockMvc mvc;

	Organization group;

	String groupViewer;

	Fixtures.ClinicWithChecklist full;

	Fixtures.ClinicWithChecklist summary;

	Fixtures.ClinicWithChecklist none;

	@BeforeEach
	void groupOfThree() {
		group = organizations.create("医療法人テスト会 " + Fixtures.uniqueName("g"), OrgKind.GROUP, "test");
		groupViewer = Fixtures.uniqueName("group-viewer");
		users.create(group.id(), groupViewer, "本部 花子", Fixtures.PASSWORD, OrgRole.VIEWER, "test");
		full = fixtures.clinicWithR7Checklist("full", OrgRole.ADMIN);
		summary = fixtures.clinicWithR7Checklist("summary", OrgRole.ADMIN);
		none = fixtures.clinicWithR7Checklist("none", OrgRole.ADMIN);
		answer(full, "2-5", "yes", null);
		answer(full, "2-6", "no", LocalDate.of(2025, 5, 31));
		answer(full, "2-13", "no", LocalDate.of(2025, 9, 30));
		answer(summary, "2-5", "no", LocalDate.of(2025, 6, 1));
		answer(summary, "2-6", "no", LocalDate.of(2025, 6, 14));
		answer(summary, "2-13", "yes", null);
		answer(none, "2-5", "yes", null);
		answer(none, "2-6", "yes", null);
		answer(none, "2-13", "yes", null);
		// B still has an enabled account of a leaver: one critical finding of 2-⑤
		records.create(ledgers.require("staff"), summary.org().id(),
				Map.of("name", "山田 花子", "employmentStatus", "退職", "leftOn", "2025-03-31"), "test");
		records.create(ledgers.require("accounts"), summary.org().id(),
				Map.of("system", "電子カルテ", "userId", "yamada", "staffName", "山田 花子"), "test");
		join(full, DetailConsent.FULL);
		join(summary, DetailConsent.SUMMARY);
		join(none, DetailConsent.NONE);
	}

	void answer(Fixtures.ClinicWithChecklist clinic, String item, String value, LocalDate target) {
		recordAnswer.record(clinic.org().id(), clinic.assessment(), 1, item,
				new AnswerCommand(value, LocalDate.of(2025, 6, 1), target, null, null), "test");
	}

	void join(Fixtures.ClinicWithChecklist clinic, DetailConsent consent) {
		groups.request(group.id(), clinic.org().id(), "group-admin");
		groups.accept(group.id(), clinic.org().id(), consent, clinic.username());
	}

	@Test
	void itemsShowTheShareOfYesAcrossMembersThatShareNumbers() {
		Rollup rollup = rollups.rollup(group.id(), FY);

		assertThat(rollup.items()).filteredOn(i -> i.itemId().equals("2-5"))
			.singleElement()
			.satisfies(i -> assertThat(new int[] { i.yes(), i.no(), i.unanswered() }).containsExactly(1, 1, 0))
			.satisfies(i -> assertThat(i.shareYes()).isEqualTo(0.5));
		assertThat(rollup.items()).filteredOn(i -> i.itemId().equals("2-6"))
			.singleElement()
			.satisfies(i -> assertThat(new int[] { i.yes(), i.no(), i.unanswered() }).containsExactly(0, 2, 0))
			.satisfies(i -> assertThat(i.shareYes()).isEqualTo(0.0));
		assertThat(rollup.items()).filteredOn(i -> i.itemId().equals("2-13"))
			.singleElement()
			.satisfies(i -> assertThat(new int[] { i.yes(), i.no(), i.unanswered() }).containsExactly(1, 1, 0));
		assertThat(rollup.items()).filteredOn(i -> i.itemId().equals("1-1"))
			.singleElement()
			.satisfies(i -> assertThat(new int[] { i.yes(), i.no(), i.unanswered() }).containsExactly(0, 0, 2));
		// no vendor contract: 2-② is 記入不要 for both and counts nowhere
		assertThat(rollup.items()).filteredOn(i -> i.itemId().equals("2-2"))
			.singleElement()
			.satisfies(i -> assertThat(new int[] { i.yes(), i.no(), i.unanswered() }).containsExactly(0, 0, 0));
	}

	@Test
	void membersShowOverdueTargetDatesAsFarAsTheyConsented() {
		Rollup rollup = rollups.rollup(group.id(), FY);

		assertThat(rollup.members()).extracting(m -> m.name(), m -> m.consent(), m -> m.yes(), m -> m.overdue())
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(full.org().name(), DetailConsent.FULL, 1, 1),
					org.assertj.core.groups.Tuple.tuple(summary.org().name(), DetailConsent.SUMMARY, 1, 2),
					org.assertj.core.groups.Tuple.tuple(none.org().name(), DetailConsent.NONE, null, null));
		Rollup.MemberRollup fullMember = member(rollup, full);
		assertThat(fullMember.items()).containsEntry("2-5", "yes").containsEntry("2-6", "no");
		assertThat(fullMember.drillDown()).isTrue();
		assertThat(member(rollup, summary).items()).isEmpty();
		assertThat(member(rollup, summary).drillDown()).isFalse();
		assertThat(member(rollup, none).answered()).isNull();
	}

	@Test
	void criticalFindingsComeFromTheEvaluationWhereItCanTell() {
		Rollup rollup = rollups.rollup(group.id(), FY);

		assertThat(member(rollup, summary).critical()).containsEntry("account.no-leaver-enabled", 1);
		// A has no account ledger: the check cannot tell, so no number is claimed
		assertThat(member(rollup, full).critical()).doesNotContainKey("account.no-leaver-enabled");
		assertThat(member(rollup, none).critical()).isEmpty();
	}

	@Test
	void drillDownOpensOnlyForFullConsent() throws Exception {
		MemberDetail detail = rollups.detail(group.id(), full.org().id(), FY);
		assertThat(detail.lines()).filteredOn(l -> l.itemId().equals("2-6"))
			.singleElement()
			.satisfies(l -> assertThat(l.overdue()).isTrue());
		assertThat(detail.lines()).filteredOn(l -> l.itemId().equals("2-13"))
			.singleElement()
			.satisfies(l -> assertThat(l.overdue()).isFalse());
		assertThatThrownBy(() -> rollups.detail(group.id(), summary.org().id(), FY))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> rollups.detail(group.id(), none.org().id(), FY)).isInstanceOf(NotFoundException.class);

		mvc.perform(get("/groups/{g}/rollup/members/{m}", group.id(), full.org().id()).param("fy", "2025")
			.with(user(groupViewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(full.org().name())));
		mvc.perform(get("/groups/{g}/rollup/members/{m}", group.id(), summary.org().id()).param("fy", "2025")
			.with(user(groupViewer))).andExpect(status().isNotFound());
	}

	@Test
	void pageLinksOnlyFullConsentMembers() throws Exception {
		String page = mvc.perform(get("/groups/{g}/rollup", group.id()).param("fy", "2025").with(user(groupViewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("/groups/" + group.id() + "/rollup/members/" + full.org().id())
			.doesNotContain("/rollup/members/" + summary.org().id())
			.doesNotContain("/rollup/members/" + none.org().id())
			.contains(summary.org().name(), none.org().name());
	}

	@Test
	void memberOrganisationUsersDoNotSeeTheGroupRollup() throws Exception {
		for (String username : new String[] { full.username(), summary.username(), none.username() }) {
			mvc.perform(get("/groups/{g}/rollup", group.id()).with(user(username))).andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/groups/{g}/rollup", group.id()).with(user(username)))
				.andExpect(status().isForbidden());
			mvc.perform(get("/groups/{g}/rollup.xlsx", group.id()).with(user(username)))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void restAnswersPerMemberAndPerItem() throws Exception {
		mvc.perform(get("/api/v1/groups/{g}/rollup", group.id()).param("fy", "2025").with(user(groupViewer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.group").value(group.id().toString()))
			.andExpect(jsonPath("$.fiscalYear").value(2025))
			.andExpect(jsonPath("$.members.length()").value(3))
			.andExpect(jsonPath("$.members[?(@.org == '%s')].consent", full.org().id()).value("full"))
			.andExpect(jsonPath("$.members[?(@.org == '%s')].overdue", full.org().id()).value(1))
			.andExpect(jsonPath("$.members[?(@.org == '%s')].items['2-5']", full.org().id()).value("yes"))
			.andExpect(jsonPath("$.members[?(@.org == '%s')].overdue", summary.org().id()).value(2))
			.andExpect(jsonPath("$.members[?(@.org == '%s')].items", summary.org().id()).value(Map.of()))
			.andExpect(jsonPath("$.members[?(@.org == '%s')].yes", none.org().id())
				.value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.nullValue())))
			.andExpect(jsonPath("$.items[?(@.itemId == '2-5')].shareYes").value(0.5))
			.andExpect(jsonPath("$.items[?(@.itemId == '2-6')].no").value(2));
	}

	@Test
	void excelExportReadsBack() throws Exception {
		byte[] xlsx = mvc
			.perform(get("/groups/{g}/rollup.xlsx", group.id()).param("fy", "2025").with(user(groupViewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet items = workbook.getSheet(RollupWorkbook.ITEMS_SHEET);
			Row row25 = rowStartingWith(items, "2-5");
			assertThat(row25.getCell(3).getNumericCellValue()).isEqualTo(1);
			assertThat(row25.getCell(4).getNumericCellValue()).isEqualTo(1);
			assertThat(row25.getCell(6).getNumericCellValue()).isEqualTo(0.5);
			Sheet members = workbook.getSheet(RollupWorkbook.MEMBERS_SHEET);
			Row summaryRow = rowStartingWith(members, summary.org().id().toString());
			assertThat(summaryRow.getCell(2).getStringCellValue()).isEqualTo("summary");
			assertThat(summaryRow.getCell(5).getNumericCellValue()).isEqualTo(2);
			Row noneRow = rowStartingWith(members, none.org().id().toString());
			assertThat(noneRow.getCell(4)).isNull();
		}
	}

	@Test
	void aPendingRequestGivesTheGroupNothingUntilAccepted() {
		var late = fixtures.clinicWithR7Checklist("late", OrgRole.ADMIN);
		groups.request(group.id(), late.org().id(), "group-admin");
		assertThat(rollups.rollup(group.id(), FY).members()).extracting(Rollup.MemberRollup::org)
			.doesNotContain(late.org().id());
		assertThatThrownBy(() -> groups.changeConsent(group.id(), late.org().id(), DetailConsent.FULL, "x"))
			.isInstanceOf(BadInputException.class);
		groups.accept(group.id(), late.org().id(), DetailConsent.SUMMARY, late.username());
		assertThat(rollups.rollup(group.id(), FY).members()).extracting(Rollup.MemberRollup::org)
			.contains(late.org().id());
	}

	@Test
	void onlyAGroupOrganisationHasMembers() {
		assertThatThrownBy(() -> groups.request(full.org().id(), summary.org().id(), "x"))
			.isInstanceOf(BadInputException.class);
		assertThatThrownBy(() -> rollups.rollup(full.org().id(), FY)).isInstanceOf(BadInputException.class);
	}

	static Rollup.MemberRollup member(Rollup rollup, Fixtures.ClinicWithChecklist clinic) {
		return rollup.members().stream().filter(m -> m.org().equals(clinic.org().id())).findFirst().orElseThrow();
	}

	static Row rowStartingWith(Sheet sheet, String first) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && first.equals(row.getCell(0).toString())) {
				return row;
			}
		}
		throw new AssertionError("no row " + first + " in " + sheet.getSheetName());
	}

}
