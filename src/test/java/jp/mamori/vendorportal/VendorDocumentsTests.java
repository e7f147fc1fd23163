package jp.mamori.vendorportal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.mamori.evidence.EvidenceFiles;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.Organization;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.support.Fixtures;
import jp.mamori.support.Parties;
import jp.mamori.support.Parties.Side;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * MDS/SDS per product: the current document is the latest by issue date; a client sees
 * and downloads only the current documents of products its vendors named for its
 * requests, and reviews them section by section. Today is 2025-06-15 (the fixed clock).
 */
@IntegrationTest
class VendorDocumentsTests {

	@Autowired
	Parties parties;

	@Autowired
	jp.mamori.support.VendorLinkMother vendorLinks;

	static final byte[] PDF_V1 = "%PDF-1.4\n1 0 obj MDS 第1版\n%%EOF".getBytes(StandardCharsets.UTF_8);

	static final byte[] PDF_V2 = "%PDF-1.4\n1 0 obj MDS 第2版\n%%EOF".getBytes(StandardCharsets.UTF_8);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	VendorRequests requests;

	@Autowired
	VendorProducts products;

	@Autowired
	VendorDocuments documents;

	@Autowired
	EvidenceFiles evidence;

	Side clinic(String prefix) {
		return parties.clinic(prefix, OrgRole.EDITOR);
	}

	Side vendor(String prefix) {
		return parties.vendor(prefix);
	}

	/** A vendor product with an old and a current MDS, named for clinic's request. */
	record Setting(Side vendor, Side clinic, VendorProduct product, VendorDocument old, VendorDocument current) {
	}

	Setting setting(String prefix) {
		Side vendor = vendor(prefix + "-vendor");
		Side clinic = clinic(prefix + "-clinic");
		VendorProduct product = products.register(vendor.org().id(), "画像サーバ", "7", null, vendor.username());
		// uploaded newest first: "current" is by issue date, not by upload order
		VendorDocument current = documents.upload(vendor.org().id(), product.id(), "mds", "第2版",
				LocalDate.of(2025, 4, 1), "mds-v2.pdf", PDF_V2, vendor.username());
		VendorDocument old = documents.upload(vendor.org().id(), product.id(), "mds", "第1版", LocalDate.of(2024, 4, 1),
				"mds-v1.pdf", PDF_V1, vendor.username());
		vendorLinks.link(clinic.org().id(), vendor.org().id(), "画像サーバ");
		VendorRequest request = requests.send(clinic.org().id(), vendor.org().id().toString(), 2025, "R7", "画像サーバ",
				clinic.username());
		requests.chooseProducts(vendor.org().id(), request.id(), List.of(product.id()), vendor.username());
		return new Setting(vendor, clinic, product, old, current);
	}

	Map<String, String> allSections(String result) {
		Map<String, String> results = new HashMap<>();
		documents.sections().forEach(s -> results.put(s.id(), result));
		return results;
	}

	@Test
	void clientSeesAndDownloadsTheCurrentDocumentOfTheNamedProduct() throws Exception {
		Setting s = setting("vd-see");
		assertThat(documents.ofProduct(s.vendor().org().id(), s.product().id())).extracting(VendorDocument::id)
			.containsExactly(s.current().id(), s.old().id());

		List<ClientDocument> shown = documents.forClient(s.clinic().org().id());
		assertThat(shown).singleElement().satisfies(d -> {
			assertThat(d.current().id()).isEqualTo(s.current().id());
			assertThat(d.vendorName()).isEqualTo(s.vendor().org().name());
			assertThat(d.review()).isNull();
		});
		String list = mvc
			.perform(get("/orgs/" + s.clinic().org().id() + "/vendor-documents").with(user(s.clinic().username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains("画像サーバ 7", "第2版", "未確認").doesNotContain("第1版");
		byte[] downloaded = mvc
			.perform(get("/orgs/" + s.clinic().org().id() + "/vendor-documents/" + s.current().id() + "/file")
				.with(user(s.clinic().username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(downloaded).isEqualTo(PDF_V2);
		// the superseded version is not offered to the client
		mvc.perform(get("/orgs/" + s.clinic().org().id() + "/vendor-documents/" + s.old().id() + "/file")
			.with(user(s.clinic().username()))).andExpect(status().isNotFound());
	}

	@Test
	void documentsReachOnlyClientsWhoseRequestsNameTheProduct() throws Exception {
		Setting s = setting("vd-iso");
		// same vendor, but its answer to this clinic names no product
		Side otherClinic = clinic("vd-iso-other");
		vendorLinks.link(otherClinic.org().id(), s.vendor().org().id(), "画像サーバ");
		requests.send(otherClinic.org().id(), s.vendor().org().id().toString(), 2025, "R7", "画像サーバ",
				otherClinic.username());
		assertThat(documents.forClient(otherClinic.org().id())).isEmpty();
		mvc.perform(get("/orgs/" + otherClinic.org().id() + "/vendor-documents/" + s.current().id())
			.with(user(otherClinic.username()))).andExpect(status().isNotFound());
		mvc.perform(get("/orgs/" + otherClinic.org().id() + "/vendor-documents/" + s.current().id() + "/file")
			.with(user(otherClinic.username()))).andExpect(status().isNotFound());
		// nor through the other clinic's URL
		mvc.perform(get("/orgs/" + s.clinic().org().id() + "/vendor-documents/" + s.current().id() + "/file")
			.with(user(otherClinic.username()))).andExpect(status().isForbidden());
		assertThatThrownBy(() -> documents.review(otherClinic.org().id(), s.current().id(), allSections("conforming"),
				Map.of(), otherClinic.username()))
			.isInstanceOf(NotFoundException.class);

		// another vendor reaches neither the product's documents nor their files
		Side otherVendor = vendor("vd-iso-vendor");
		mvc.perform(get("/orgs/" + otherVendor.org().id() + "/products/" + s.product().id() + "/documents/"
				+ s.current().id() + "/file")
			.with(user(otherVendor.username()))).andExpect(status().isNotFound());
		mvc.perform(get("/orgs/" + s.vendor().org().id() + "/products/" + s.product().id())
			.with(user(otherVendor.username()))).andExpect(status().isForbidden());
		assertThatThrownBy(() -> documents.ofProduct(otherVendor.org().id(), s.product().id()))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> documents.upload(otherVendor.org().id(), s.product().id(), "sds", "1",
				LocalDate.of(2025, 5, 1), "x.pdf", PDF_V1, otherVendor.username()))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void reviewIsRecordedPerSectionAndCompleteOnlyWhenEverySectionHasAResult() throws Exception {
		Setting s = setting("vd-review");
		String first = documents.sections().get(0).id();
		DocumentReview partial = documents.review(s.clinic().org().id(), s.current().id(), Map.of(first, "partial"),
				Map.of(first, "ログの保存期間の記載が不明確"), s.clinic().username());
		assertThat(partial.complete()).isFalse();
		assertThat(documents.vendorsWithReviewedDocument(s.clinic().org().id())).isEmpty();

		Map<String, String> results = allSections("conforming");
		results.put(first, "not_stated");
		mvc.perform(
				post("/orgs/" + s.clinic().org().id() + "/vendor-documents/" + s.current().id()).params(form(results))
					.param("comment-" + first, "記載なし（事業者に照会）")
					.with(user(s.clinic().username()))
					.with(csrf()))
			.andExpect(status().is3xxRedirection());

		ClientDocument reviewed = documents.requireCurrentForClient(s.clinic().org().id(), s.current().id());
		assertThat(reviewed.reviewed()).isTrue();
		assertThat(reviewed.review().reviewedBy()).isEqualTo(s.clinic().username());
		assertThat(reviewed.review().reviewedOn()).isEqualTo(LocalDate.of(2025, 6, 15));
		assertThat(reviewed.review().sections()).hasSize(documents.sections().size());
		assertThat(reviewed.review().sections().get(first).result()).isEqualTo(ReviewResult.NOT_STATED);
		assertThat(reviewed.review().sections().get(first).comment()).isEqualTo("記載なし（事業者に照会）");
		assertThat(documents.vendorsWithReviewedDocument(s.clinic().org().id()))
			.containsExactly(s.vendor().org().name());

		// a comment without a result, or an unknown result, is refused in Japanese
		assertThatThrownBy(() -> documents.review(s.clinic().org().id(), s.current().id(), Map.of(first, "maybe"),
				Map.of(), s.clinic().username()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("結果を選んでください");
	}

	@Test
	void pagesShowTheDocumentsToTheVendorAndTheSectionsToTheClient() throws Exception {
		Setting s = setting("vd-pages");
		String product = mvc
			.perform(get("/orgs/" + s.vendor().org().id() + "/products/" + s.product().id())
				.with(user(s.vendor().username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(product).contains("第2版", "第1版", "現行版", "mds-v2.pdf");
		String review = mvc
			.perform(get("/orgs/" + s.clinic().org().id() + "/vendor-documents/" + s.current().id())
				.with(user(s.clinic().username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(review).contains(documents.sections().get(0).name(), "記載なし", "一部適合", "mds-v2.pdf");
		mvc.perform(get("/orgs/" + s.clinic().org().id() + "/vendor-requests/import").with(user(s.clinic().username())))
			.andExpect(status().isOk());
	}

	@Test
	void aNewerDocumentNeedsItsOwnReview() {
		Setting s = setting("vd-newer");
		documents.review(s.clinic().org().id(), s.current().id(), allSections("conforming"), Map.of(),
				s.clinic().username());
		assertThat(documents.vendorsWithReviewedDocument(s.clinic().org().id())).hasSize(1);
		documents.upload(s.vendor().org().id(), s.product().id(), "mds", "第3版", LocalDate.of(2025, 6, 1), "mds-v3.pdf",
				PDF_V2, s.vendor().username());
		assertThat(documents.forClient(s.clinic().org().id())).singleElement().satisfies(d -> {
			assertThat(d.current().documentVersion()).isEqualTo("第3版");
			assertThat(d.reviewed()).isFalse();
		});
		assertThat(documents.vendorsWithReviewedDocument(s.clinic().org().id())).isEmpty();
	}

	@Test
	void uploadRefusesFilesTheEvidenceRulesRefuseAndStoresNothing() throws Exception {
		Side vendor = vendor("vd-hostile");
		VendorProduct product = products.register(vendor.org().id(), "レセコン", "", null, vendor.username());
		assertThatThrownBy(() -> documents.upload(vendor.org().id(), product.id(), "mds", "1", LocalDate.of(2025, 5, 1),
				"mds.pdf", "MZ not a pdf".getBytes(StandardCharsets.UTF_8), vendor.username()))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("ファイルの中身が拡張子と一致しません");
		assertThatThrownBy(() -> documents.upload(vendor.org().id(), product.id(), "mds", "1", LocalDate.of(2025, 5, 1),
				"mds.exe", PDF_V1, vendor.username()))
			.isInstanceOf(BadInputException.class)
			.hasMessageContaining("この種類のファイルは登録できません");
		assertThatThrownBy(() -> documents.upload(vendor.org().id(), product.id(), "xyz", " ", null, "mds.pdf", PDF_V1,
				vendor.username()))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("MDS または SDS")
			.hasMessageContaining("発行日");
		String page = mvc
			.perform(multipart("/orgs/" + vendor.org().id() + "/products/" + product.id() + "/documents")
				.file(new MockMultipartFile("file", "big.pdf", "application/pdf",
						new byte[(int) evidence.maxBytes() + 1]))
				.param("kind", "sds")
				.param("documentVersion", "1")
				.param("issuedOn", "2025-05-01")
				.with(user(vendor.username()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap()
			.get("documentErrors")
			.toString();
		assertThat(page).contains("ファイルが大きすぎます");
		assertThat(documents.ofProduct(vendor.org().id(), product.id())).isEmpty();
	}

	static org.springframework.util.MultiValueMap<String, String> form(Map<String, String> results) {
		var map = new org.springframework.util.LinkedMultiValueMap<String, String>();
		results.forEach((section, result) -> map.add("result-" + section, result));
		return map;
	}

}
