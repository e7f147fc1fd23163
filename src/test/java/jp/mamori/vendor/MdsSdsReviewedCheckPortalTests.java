package jp.mamori.vendor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.CheckStatus;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.identity.OrgRole;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.FiscalYear;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import jp.mamori.support.LedgerMother;
import jp.mamori.vendorportal.VendorDocument;
import jp.mamori.vendorportal.VendorDocuments;
import jp.mamori.vendorportal.VendorProduct;
import jp.mamori.vendorportal.VendorProducts;
import jp.mamori.vendorportal.VendorRequest;
import jp.mamori.vendorportal.VendorRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 2-③ also passes for a contracted vendor whose current MDS/SDS, shared through the
 * vendor portal, the clinic reviewed in every section — and not for a partial review.
 */
@IntegrationTest
class MdsSdsReviewedCheckPortalTests {

	@Autowired
	jp.mamori.support.VendorLinkMother vendorLinks;

	@Autowired
	Fixtures fixtures;

	@Autowired
	LedgerMother mother;

	@Autowired
	Organizations organizations;

	@Autowired
	VendorRequests requests;

	@Autowired
	VendorProducts products;

	@Autowired
	VendorDocuments documents;

	@Autowired
	MdsSdsReviewedCheck check;

	@Test
	void passesWithACompletePortalReviewOfTheCurrentDocument() {
		Organization clinic = fixtures.clinicWith(Fixtures.uniqueName("mds-portal"), OrgRole.ADMIN);
		Organization vendor = organizations.create("ポータル画像 " + Fixtures.uniqueName("v"), OrgKind.VENDOR, "test");
		mother.row(VendorLedgers.VENDORS, clinic.id(), Map.of("name", vendor.name(), "maintenanceContract", "はい"));
		EvaluationContext context = new EvaluationContext(clinic.id(), FiscalYear.of(2025), LocalDate.of(2025, 6, 15));
		assertThat(check.evaluate(context).status()).isEqualTo(CheckStatus.FAIL);

		VendorProduct product = products.register(vendor.id(), "PACS", "2", null, "vendor-user");
		VendorDocument document = documents.upload(vendor.id(), product.id(), "sds", "5.0", LocalDate.of(2025, 4, 1),
				"sds.pdf", "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.UTF_8), "vendor-user");
		vendorLinks.link(clinic.id(), vendor.id(), "PACS");
		VendorRequest request = requests.send(clinic.id(), vendor.id().toString(), 2025, "R7", "PACS", "clinic-user");
		requests.chooseProducts(vendor.id(), request.id(), List.of(product.id()), "vendor-user");

		String first = documents.sections().get(0).id();
		documents.review(clinic.id(), document.id(), Map.of(first, "conforming"), Map.of(), "clinic-user");
		assertThat(check.evaluate(context).status()).as("a partial review is not enough").isEqualTo(CheckStatus.FAIL);

		Map<String, String> all = new HashMap<>();
		documents.sections().forEach(s -> all.put(s.id(), "partial"));
		documents.review(clinic.id(), document.id(), all, Map.of(), "clinic-user");
		CheckResult result = check.evaluate(context);
		assertThat(result.status()).isEqualTo(CheckStatus.PASS);
	}

}
