package jp.mamori.vendorportal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.mamori.audit.AuditEntry;
import jp.mamori.audit.AuditTrail;
import jp.mamori.catalog.Catalog;
import jp.mamori.catalog.CatalogItem;
import jp.mamori.catalog.FormCode;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.NotFoundException;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A vendor answers the 事業者確認用 once per product and draws on it for every client: the
 * request's answer starts from the product answer, rows changed for one client are marked
 * for that client, later changes to the product answer leave submitted answers alone, and
 * no other vendor sees or uses the product.
 */
@IntegrationTest
class VendorProductsTests {

	@Autowired
	Parties parties;

	@Autowired
	jp.mamori.support.VendorLinkMother vendorLinks;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	VendorRequests requests;

	@Autowired
	VendorProducts products;

	@Autowired
	Catalog catalog;

	@Autowired
	AuditTrail audit;

	Side clinic(String prefix) {
		return parties.clinic(prefix, OrgRole.EDITOR);
	}

	Side vendor(String prefix) {
		return parties.vendor(prefix);
	}

	List<CatalogItem> items() {
		return catalog.requireForm("R7", FormCode.VENDOR).items();
	}

	/** Every row はい except the second, いいえ with 目標日 2026-03-31 and the note. */
	Map<String, VendorAnswer> answersWithOneNo(String note) {
		Map<String, VendorAnswer> answers = new LinkedHashMap<>();
		for (CatalogItem item : items()) {
			answers.put(item.id(), new VendorAnswer(item.id(), "yes", null, null));
		}
		String no = items().get(1).id();
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
	void productAnswerIsSharedWithClientsAndAdjustmentsAreShownToTheClient() throws Exception {
		Side vendor = vendor("vpp-vendor");
		Side clinicA = clinic("vpp-clinic-a");
		Side clinicB = clinic("vpp-clinic-b");
		VendorProduct product = products.register(vendor.org().id(), "電子カルテ MEDI", "5.2", "クラウド型", vendor.username());
		products.saveAnswers(vendor.org().id(), product.id(), "R7", answersWithOneNo("次期版で対応"), vendor.username());

		vendorLinks.link(clinicA.org().id(), vendor.org().id(), "電子カルテ");
		vendorLinks.link(clinicB.org().id(), vendor.org().id(), "電子カルテ");
		VendorRequest toA = requests.send(clinicA.org().id(), vendor.org().id().toString(), 2025, "R7", "電子カルテ",
				clinicA.username());
		VendorRequest toB = requests.send(clinicB.org().id(), vendor.org().id().toString(), 2025, "R7", "電子カルテ",
				clinicB.username());
		mvc.perform(post("/orgs/" + vendor.org().id() + "/requests/" + toA.id() + "/products")
			.param("product", product.id().toString())
			.with(user(vendor.username()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		requests.chooseProducts(vendor.org().id(), toB.id(), List.of(product.id()), vendor.username());

		// the answer page starts from the product answer
		String second = items().get(1).id();
		assertThat(requests.prefill(toA)).hasSize(items().size());
		assertThat(page(vendor.username(), "/orgs/" + vendor.org().id() + "/requests/" + toA.id())).contains("次期版で対応",
				"電子カルテ MEDI 5.2");

		// A gets the product answer as it is, B gets one row changed
		requests.submit(vendor.org().id(), toA.id(), requests.prefill(toA), vendor.username());
		Map<String, VendorAnswer> forB = new LinkedHashMap<>(requests.prefill(toB));
		String first = items().get(0).id();
		forB.put(first, new VendorAnswer(first, "yes", null, "貴院の構成ではオンプレミス版"));
		requests.submit(vendor.org().id(), toB.id(), forB, vendor.username());

		assertThat(requests.answers(toA)).allSatisfy(a -> {
			assertThat(a.productId()).isEqualTo(product.id());
			assertThat(a.adjusted()).isFalse();
		});
		assertThat(requests.answers(toB)).filteredOn(VendorAnswer::adjusted)
			.extracting(VendorAnswer::itemId)
			.containsExactly(first);
		String review = page(clinicB.username(), "/orgs/" + clinicB.org().id() + "/vendor-requests/" + toB.id());
		assertThat(review).contains("電子カルテ MEDI 5.2", "この医療機関向けに変更あり", "貴院の構成ではオンプレミス版");
		assertThat(page(clinicA.username(), "/orgs/" + clinicA.org().id() + "/vendor-requests/" + toA.id()))
			.contains("電子カルテ MEDI 5.2")
			.doesNotContain("この医療機関向けに変更あり", "オンプレミス版");

		// a later change to the product answer does not reach submitted answers
		Map<String, VendorAnswer> allYes = new LinkedHashMap<>();
		items().forEach(i -> allYes.put(i.id(), new VendorAnswer(i.id(), "yes", null, "改定後")));
		products.saveAnswers(vendor.org().id(), product.id(), "R7", allYes, vendor.username());
		assertThat(requests.answers(toA)).filteredOn(a -> a.itemId().equals(second)).singleElement().satisfies(a -> {
			assertThat(a.isYes()).isFalse();
			assertThat(a.note()).isEqualTo("次期版で対応");
		});
		assertThat(audit.entries(vendor.org().id(), 50)).extracting(AuditEntry::action)
			.contains("vendor-product.registered", "vendor-product.answered", "vendor-request.products");
	}

	@Test
	void twoProductsGiveNoWhereEitherAnswersNo() {
		Side vendor = vendor("vpp-vendor-two");
		Side clinic = clinic("vpp-clinic-two");
		VendorProduct emr = products.register(vendor.org().id(), "電子カルテ", "", null, vendor.username());
		VendorProduct pacs = products.register(vendor.org().id(), "PACS", "3", null, vendor.username());
		Map<String, VendorAnswer> allYes = new LinkedHashMap<>();
		items().forEach(i -> allYes.put(i.id(), new VendorAnswer(i.id(), "yes", null, null)));
		products.saveAnswers(vendor.org().id(), emr.id(), "R7", allYes, vendor.username());
		products.saveAnswers(vendor.org().id(), pacs.id(), "R7", answersWithOneNo("PACS は未対応"), vendor.username());
		vendorLinks.link(clinic.org().id(), vendor.org().id(), "電子カルテ", "PACS");
		VendorRequest request = requests.send(clinic.org().id(), vendor.org().id().toString(), 2025, "R7", "電子カルテ、PACS",
				clinic.username());
		requests.chooseProducts(vendor.org().id(), request.id(), List.of(emr.id(), pacs.id()), vendor.username());

		Map<String, VendorAnswer> prefill = requests.prefill(request);
		VendorAnswer second = prefill.get(items().get(1).id());
		assertThat(second.isYes()).isFalse();
		assertThat(second.productId()).isEqualTo(pacs.id());
		assertThat(second.note()).isEqualTo("PACS は未対応");
		assertThat(requests.products(request)).extracting(VendorProduct::label).containsExactly("PACS 3", "電子カルテ");
	}

	@Test
	void anotherVendorNeitherSeesNorUsesTheProduct() throws Exception {
		Side owner = vendor("vpp-owner");
		Side other = vendor("vpp-other");
		Side clinic = clinic("vpp-clinic-iso");
		VendorProduct product = products.register(owner.org().id(), "秘密の製品", "1", null, owner.username());
		products.saveAnswers(owner.org().id(), product.id(), "R7", answersWithOneNo("社外秘"), owner.username());

		mvc.perform(get("/orgs/" + owner.org().id() + "/products").with(user(other.username())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/orgs/" + other.org().id() + "/products/" + product.id()).with(user(other.username())))
			.andExpect(status().isNotFound());
		assertThat(page(other.username(), "/orgs/" + other.org().id() + "/products")).doesNotContain("秘密の製品");
		assertThatThrownBy(() -> products.answers(other.org().id(), product.id(), "R7"))
			.isInstanceOf(NotFoundException.class);
		// the clinic is no member of the vendor: its products are not its to read
		mvc.perform(get("/orgs/" + owner.org().id() + "/products").with(user(clinic.username())))
			.andExpect(status().isForbidden());

		vendorLinks.link(clinic.org().id(), other.org().id(), "PACS");
		VendorRequest toOther = requests.send(clinic.org().id(), other.org().id().toString(), 2025, "R7", "PACS",
				clinic.username());
		assertThatThrownBy(
				() -> requests.chooseProducts(other.org().id(), toOther.id(), List.of(product.id()), other.username()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("自社の製品・サービスを選んでください");
		assertThat(requests.prefill(toOther)).isEmpty();
	}

	@Test
	void productNeedsANameUniqueWithItsVersion() {
		Side vendor = vendor("vpp-vendor-name");
		products.register(vendor.org().id(), "レセコン", "2", null, vendor.username());
		assertThatThrownBy(() -> products.register(vendor.org().id(), " レセコン ", "2", null, vendor.username()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("すでに登録されています");
		assertThatThrownBy(() -> products.register(vendor.org().id(), " ", "", null, vendor.username()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("製品・サービス名");
		assertThat(products.register(vendor.org().id(), "レセコン", "3", null, vendor.username()).label())
			.isEqualTo("レセコン 3");
	}

}
