package jp.mamori.vendorportal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.assessment.AnswerValue;
import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.audit.AuditEntry;
import jp.mamori.audit.AuditTrail;
import jp.mamori.catalog.Catalog;
import jp.mamori.catalog.CatalogItem;
import jp.mamori.catalog.FormCode;
import jp.mamori.identity.OrgRole;
import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.organization.Organization;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.Parties;
import jp.mamori.support.Parties.Side;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 事業者確認用 request between a clinic and a vendor organisation: who sees what, the
 * return-and-resubmit loop, and acceptance into the clinic's own 事業者確認用.
 */
@IntegrationTest
class VendorRequestsTests {

	@Autowired
	Parties parties;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	VendorRequests requests;

	@Autowired
	AssessmentQueries assessments;

	@Autowired
	Catalog catalog;

	@Autowired
	AuditTrail audit;

	@Autowired
	VendorLinks links;

	@Autowired
	LedgerRecords ledgerRecords;

	@Autowired
	Ledgers ledgers;

	Side clinic(String prefix) {
		return parties.clinic(prefix, OrgRole.EDITOR);
	}

	Side vendor(String prefix) {
		return parties.vendor(prefix);
	}

	/**
	 * Requests go only to a linked vendor for the systems the link covers: the clinic's
	 * device ledger names the system, and the clinic links the vendor for it.
	 */
	void linked(Side clinic, Side vendor, String system) {
		ledgerRecords.create(ledgers.require(InventoryLedgers.DEVICES), clinic.org().id(),
				Map.of("name", system + " サーバ", "kind", "server", "system", system), clinic.username());
		links.link(clinic.org().id(), vendor.org().id().toString(), List.of(system), "K-" + system, null,
				clinic.username());
	}

	/** Every row of the R7 事業者確認用 はい, except 2-6 いいえ with a 目標日 and a note. */
	Map<String, VendorAnswer> answersWithOneNo(String note) {
		Map<String, VendorAnswer> answers = new LinkedHashMap<>();
		for (CatalogItem item : catalog.requireForm("R7", FormCode.VENDOR).items()) {
			answers.put(item.id(), new VendorAnswer(item.id(), "yes", null, null));
		}
		String no = catalog.requireForm("R7", FormCode.VENDOR).items().get(1).id();
		answers.put(no, new VendorAnswer(no, "no", LocalDate.of(2026, 3, 31), note));
		return answers;
	}

	String page(String username, String path) throws Exception {
		return mvc.perform(get(path).with(user(username)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void vendorSeesOnlyRequestsAddressedToIt() throws Exception {
		Side clinicA = clinic("vp-clinic-a");
		Side clinicB = clinic("vp-clinic-b");
		Side vendor1 = vendor("vp-vendor-1");
		Side vendor2 = vendor("vp-vendor-2");
		linked(clinicA, vendor1, "電子カルテ A-SYSTEM");
		VendorRequest toVendor1 = requests.send(clinicA.org().id(), vendor1.org().id().toString(), 2025, null,
				"電子カルテ A-SYSTEM", clinicA.username());
		linked(clinicB, vendor2, "レセコン B-SYSTEM");
		VendorRequest toVendor2 = requests.send(clinicB.org().id(), vendor2.org().id().toString(), 2025, "R7",
				"レセコン B-SYSTEM", clinicB.username());

		String ofVendor1 = page(vendor1.username(), "/orgs/" + vendor1.org().id() + "/requests");
		assertThat(ofVendor1).contains(clinicA.org().name(), "電子カルテ A-SYSTEM")
			.doesNotContain(clinicB.org().name(), "B-SYSTEM");
		assertThat(page(vendor2.username(), "/orgs/" + vendor2.org().id() + "/requests")).contains(clinicB.org().name())
			.doesNotContain(clinicA.org().name(), "A-SYSTEM");
		// another clinic sees nothing of A's requests (vendor names are a directory
		// every clinic chooses from)
		assertThat(page(clinicB.username(), "/orgs/" + clinicB.org().id() + "/vendor-requests")).contains("B-SYSTEM")
			.doesNotContain("A-SYSTEM", clinicA.org().name());

		// the vendor user has no role in the client: every client page is refused
		for (String path : new String[] { "/orgs/" + clinicA.org().id() + "/vendor-requests",
				"/orgs/" + clinicA.org().id() + "/vendor-requests/" + toVendor1.id(),
				"/orgs/" + clinicA.org().id() + "/assessments", "/orgs/" + clinicA.org().id() + "/dashboard" }) {
			mvc.perform(get(path).with(user(vendor1.username()))).andExpect(status().isForbidden());
		}
		// a request addressed to another vendor is not found through one's own
		// organisation
		mvc.perform(get("/orgs/" + vendor1.org().id() + "/requests/" + toVendor2.id()).with(user(vendor1.username())))
			.andExpect(status().isNotFound());
		assertThat(requests.ofVendor(vendor1.org().id())).extracting(VendorRequest::id).containsExactly(toVendor1.id());
	}

	@Test
	void vendorIsChosenFromVendorOrganisationsOnly() {
		Side clinic = clinic("vp-clinic-kind");
		Side otherClinic = clinic("vp-clinic-other");
		assertThatThrownBy(() -> requests.send(clinic.org().id(), otherClinic.org().id().toString(), 2025, "R7",
				"電子カルテ", clinic.username()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("依頼先の事業者を選んでください");
		assertThatThrownBy(() -> requests.send(clinic.org().id(), vendor("vp-vendor-k").org().id().toString(), 2025,
				"R7", " ", clinic.username()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("対象のシステム");
	}

	@Test
	void returnedAnswerComesBackWithTheCommentAndIsResubmitted() throws Exception {
		Side clinic = clinic("vp-clinic-ret");
		Side vendor = vendor("vp-vendor-ret");
		linked(clinic, vendor, "電子カルテ");
		VendorRequest request = requests.send(clinic.org().id(), vendor.org().id().toString(), 2025, "R7", "電子カルテ",
				clinic.username());
		assertThat(request.status()).isEqualTo(VendorRequestStatus.REQUESTED);
		assertThatThrownBy(() -> requests.accept(clinic.org().id(), request.id(), clinic.username()))
			.isInstanceOf(ConflictException.class);

		requests.submit(vendor.org().id(), request.id(), answersWithOneNo("初回"), vendor.username());
		assertThat(requests.requireForClient(clinic.org().id(), request.id()).status())
			.isEqualTo(VendorRequestStatus.ANSWERED);
		assertThatThrownBy(
				() -> requests.submit(vendor.org().id(), request.id(), answersWithOneNo("二重"), vendor.username()))
			.isInstanceOf(ConflictException.class);

		mvc.perform(post("/orgs/" + clinic.org().id() + "/vendor-requests/" + request.id() + "/return")
			.param("comment", "備考に対応時期を書いてください")
			.with(user(clinic.username()))
			.with(csrf())).andExpect(redirectedUrl("/orgs/" + clinic.org().id() + "/vendor-requests/" + request.id()));
		VendorRequest returned = requests.requireForVendor(vendor.org().id(), request.id());
		assertThat(returned.status()).isEqualTo(VendorRequestStatus.RETURNED);
		assertThat(page(vendor.username(), "/orgs/" + vendor.org().id() + "/requests/" + request.id()))
			.contains("備考に対応時期を書いてください", "差戻し");

		requests.submit(vendor.org().id(), request.id(), answersWithOneNo("2026年3月までに対応"), vendor.username());
		assertThat(requests.requireForClient(clinic.org().id(), request.id()).status())
			.isEqualTo(VendorRequestStatus.ANSWERED);
		assertThat(requests.answers(returned)).extracting(VendorAnswer::note).contains("2026年3月までに対応");
		assertThat(audit.entries(clinic.org().id(), 50)).extracting(AuditEntry::action)
			.contains("vendor-request.requested", "vendor-request.answered", "vendor-request.returned");
		assertThat(audit.entries(vendor.org().id(), 50)).extracting(AuditEntry::action)
			.contains("vendor-request.returned");
	}

	@Test
	void returnNeedsAComment() {
		Side clinic = clinic("vp-clinic-nc");
		Side vendor = vendor("vp-vendor-nc");
		linked(clinic, vendor, "PACS");
		VendorRequest request = requests.send(clinic.org().id(), vendor.org().id().toString(), 2025, "R7", "PACS",
				clinic.username());
		requests.submit(vendor.org().id(), request.id(), answersWithOneNo(null), vendor.username());
		assertThatThrownBy(() -> requests.returnToVendor(clinic.org().id(), request.id(), "  ", clinic.username()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("差戻しの理由");
	}

	@Test
	void submissionNeedsEveryRowAndATargetDateForNo() throws Exception {
		Side clinic = clinic("vp-clinic-inc");
		Side vendor = vendor("vp-vendor-inc");
		linked(clinic, vendor, "PACS");
		VendorRequest request = requests.send(clinic.org().id(), vendor.org().id().toString(), 2025, "R7", "PACS",
				clinic.username());
		String first = catalog.requireForm("R7", FormCode.VENDOR).items().get(0).id();
		String body = mvc
			.perform(post("/orgs/" + vendor.org().id() + "/requests/" + request.id()).param("answer-" + first, "no")
				.with(user(vendor.username()))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("はい／いいえを選んでください", "内の目標日を入力してください");
		assertThat(requests.requireForVendor(vendor.org().id(), request.id()).status())
			.isEqualTo(VendorRequestStatus.REQUESTED);
		assertThat(requests.answers(request)).isEmpty();
	}

	@Test
	void acceptCopiesTheAnswersIntoTheClientsVendorForm() throws Exception {
		Side clinic = clinic("vp-clinic-acc");
		Side vendor = vendor("vp-vendor-acc");
		linked(clinic, vendor, "電子カルテ");
		VendorRequest request = requests.send(clinic.org().id(), vendor.org().id().toString(), 2025, "R7", "電子カルテ",
				clinic.username());
		Map<String, VendorAnswer> given = answersWithOneNo("ファームウェア更新を予定");
		requests.submit(vendor.org().id(), request.id(), given, vendor.username());
		// not in the client's assessments before it is accepted
		assertThat(assessments.list(clinic.org().id())).noneMatch(a -> a.form() == FormCode.VENDOR);

		mvc.perform(post("/orgs/" + clinic.org().id() + "/vendor-requests/" + request.id() + "/accept")
			.with(user(clinic.username()))
			.with(csrf())).andExpect(status().is3xxRedirection());

		VendorRequest accepted = requests.requireForClient(clinic.org().id(), request.id());
		assertThat(accepted.status()).isEqualTo(VendorRequestStatus.ACCEPTED);
		var vendorForms = assessments.list(clinic.org().id())
			.stream()
			.filter(a -> a.form() == FormCode.VENDOR)
			.toList();
		assertThat(vendorForms).hasSize(1);
		assertThat(vendorForms.get(0).id()).isEqualTo(accepted.assessmentId());
		assertThat(vendorForms.get(0).fiscalYear().startYear()).isEqualTo(2025);
		var view = assessments.view(clinic.org().id(), accepted.assessmentId());
		for (VendorAnswer answer : given.values()) {
			var stored = view.row(answer.itemId()).orElseThrow().round(1).answer();
			assertThat(stored.value()).as(answer.itemId()).isEqualTo(answer.isYes() ? AnswerValue.YES : AnswerValue.NO);
			assertThat(stored.targetDate()).as(answer.itemId()).isEqualTo(answer.targetDate());
			assertThat(stored.note()).as(answer.itemId()).isEqualTo(answer.note());
			assertThat(stored.checkedOn()).isEqualTo(LocalDate.of(2025, 6, 15));
		}
		// accepted once: a second accept is refused
		assertThatThrownBy(() -> requests.accept(clinic.org().id(), request.id(), clinic.username()))
			.isInstanceOf(ConflictException.class);
		assertThat(audit.entries(clinic.org().id(), 50)).extracting(AuditEntry::action)
			.contains("vendor-request.accepted");
	}

	@Test
	void eachVendorsAcceptedAnswersGoIntoAFormOfTheirOwn() {
		Side clinic = clinic("vp-clinic-two");
		Side first = vendor("vp-vendor-one");
		Side second = vendor("vp-vendor-two");
		linked(clinic, first, "電子カルテ");
		linked(clinic, second, "PACS");
		VendorRequest toFirst = requests.send(clinic.org().id(), first.org().id().toString(), 2025, "R7", "電子カルテ",
				clinic.username());
		VendorRequest toSecond = requests.send(clinic.org().id(), second.org().id().toString(), 2025, "R7", "PACS",
				clinic.username());
		requests.submit(first.org().id(), toFirst.id(), answersWithOneNo("一社目の予定"), first.username());
		Map<String, VendorAnswer> allYes = new LinkedHashMap<>();
		for (CatalogItem item : catalog.requireForm("R7", FormCode.VENDOR).items()) {
			allYes.put(item.id(), new VendorAnswer(item.id(), "yes", null, null));
		}
		requests.submit(second.org().id(), toSecond.id(), allYes, second.username());

		requests.accept(clinic.org().id(), toFirst.id(), clinic.username());
		requests.accept(clinic.org().id(), toSecond.id(), clinic.username());

		var vendorForms = assessments.list(clinic.org().id())
			.stream()
			.filter(a -> a.form() == FormCode.VENDOR)
			.toList();
		assertThat(vendorForms).extracting(a -> a.subject())
			.containsExactlyInAnyOrder(first.org().name(), second.org().name());
		String no = catalog.requireForm("R7", FormCode.VENDOR).items().get(1).id();
		var firstView = assessments.view(clinic.org().id(),
				requests.requireForClient(clinic.org().id(), toFirst.id()).assessmentId());
		var secondView = assessments.view(clinic.org().id(),
				requests.requireForClient(clinic.org().id(), toSecond.id()).assessmentId());
		assertThat(firstView.row(no).orElseThrow().round(1).answer().value()).isEqualTo(AnswerValue.NO);
		assertThat(firstView.row(no).orElseThrow().round(1).answer().note()).isEqualTo("一社目の予定");
		assertThat(secondView.row(no).orElseThrow().round(1).answer().value()).isEqualTo(AnswerValue.YES);
		assertThat(firstView.assessment().formLabel()).isEqualTo("事業者確認用（" + first.org().name() + "）");
	}

	@Test
	void vendorCannotDecideAndClientCannotAnswer() throws Exception {
		Side clinic = clinic("vp-clinic-x");
		Side vendor = vendor("vp-vendor-x");
		linked(clinic, vendor, "PACS");
		VendorRequest request = requests.send(clinic.org().id(), vendor.org().id().toString(), 2025, "R7", "PACS",
				clinic.username());
		UUID id = request.id();
		mvc.perform(
				post("/orgs/" + clinic.org().id() + "/vendor-requests/" + id + "/accept").with(user(vendor.username()))
					.with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/orgs/" + clinic.org().id() + "/requests/" + id).with(user(clinic.username())).with(csrf()))
			.andExpect(status().isNotFound());
	}

}
