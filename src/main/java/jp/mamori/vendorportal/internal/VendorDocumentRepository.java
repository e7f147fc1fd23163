package jp.mamori.vendorportal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.shared.OrgId;
import jp.mamori.vendorportal.DocumentReview;
import jp.mamori.vendorportal.DocumentReview.SectionReview;
import jp.mamori.vendorportal.ReviewResult;
import jp.mamori.vendorportal.VendorDocument;
import jp.mamori.vendorportal.VendorProduct;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code vendor_product_document}, {@code vendor_document_review} and its
 * sections. Vendor queries name the vendor organisation; client queries reach a document
 * only through a request of that client that names the document's product.
 */
@Repository
public class VendorDocumentRepository {

	private static final String COLUMNS = "select d.id, d.vendor_org_id, d.product_id, d.kind, d.document_version, "
			+ "d.issued_on, d.evidence_file_id, d.file_name, d.uploaded_at, d.uploaded_by from vendor_product_document d ";

	/** The latest by issue date, then by upload: the current document of a product. */
	private static final String LATEST = " order by d.issued_on desc, d.uploaded_at desc";

	/**
	 * Products named in a request of the client (the only ones it may see documents of).
	 */
	private static final String NAMED_FOR_CLIENT = "d.product_id in (select rp.product_id from vendor_request_product rp "
			+ "join vendor_request r on r.id = rp.request_id where r.client_org_id = ?)";

	private final JdbcClient jdbc;

	VendorDocumentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(VendorDocument d) {
		jdbc.sql("insert into vendor_product_document (id, vendor_org_id, product_id, kind, document_version, "
				+ "issued_on, evidence_file_id, file_name, uploaded_at, uploaded_by) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(d.id(), d.vendor().value(), d.productId(), d.kind(), d.documentVersion(), d.issuedOn(),
					d.evidenceFileId(), d.fileName(), d.uploadedAt().atOffset(ZoneOffset.UTC), d.uploadedBy())
			.update();
	}

	public List<VendorDocument> ofProduct(OrgId vendor, UUID product) {
		return jdbc.sql(COLUMNS + "where d.vendor_org_id = ? and d.product_id = ?" + LATEST)
			.params(vendor.value(), product)
			.query(VendorDocumentRepository::document)
			.list();
	}

	public Optional<VendorDocument> findForVendor(OrgId vendor, UUID id) {
		return jdbc.sql(COLUMNS + "where d.vendor_org_id = ? and d.id = ?")
			.params(vendor.value(), id)
			.query(VendorDocumentRepository::document)
			.optional();
	}

	/** Products one of the client's vendors named for the client's requests. */
	public List<VendorProduct> productsNamedFor(OrgId client) {
		return jdbc
			.sql("select p.id, p.vendor_org_id, p.name, p.product_version, p.description, p.created_at, p.created_by "
					+ "from vendor_product p where p.id in (select rp.product_id from vendor_request_product rp "
					+ "join vendor_request r on r.id = rp.request_id where r.client_org_id = ?) "
					+ "order by p.name, p.product_version")
			.param(client.value())
			.query((rs, n) -> new VendorProduct(rs.getObject("id", UUID.class),
					new OrgId(rs.getObject("vendor_org_id", UUID.class)), rs.getString("name"),
					rs.getString("product_version"), rs.getString("description"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by")))
			.list();
	}

	/** The current document of a product named for the client, if any. */
	public Optional<VendorDocument> currentForClient(OrgId client, UUID product) {
		return jdbc.sql(COLUMNS + "where d.product_id = ? and " + NAMED_FOR_CLIENT + LATEST + " limit 1")
			.params(product, client.value())
			.query(VendorDocumentRepository::document)
			.optional();
	}

	/** A document of a product named for the client (current or not). */
	public Optional<VendorDocument> findForClient(OrgId client, UUID id) {
		return jdbc.sql(COLUMNS + "where d.id = ? and " + NAMED_FOR_CLIENT)
			.params(id, client.value())
			.query(VendorDocumentRepository::document)
			.optional();
	}

	public Optional<DocumentReview> review(OrgId client, UUID document) {
		return jdbc
			.sql("select id, reviewed_by, reviewed_on, complete from vendor_document_review "
					+ "where client_org_id = ? and document_id = ?")
			.params(client.value(), document)
			.query((rs, n) -> new DocumentReview(rs.getObject("id", UUID.class), client, document,
					rs.getString("reviewed_by"), rs.getObject("reviewed_on", LocalDate.class),
					rs.getBoolean("complete"), Map.of()))
			.optional()
			.map(r -> new DocumentReview(r.id(), client, document, r.reviewedBy(), r.reviewedOn(), r.complete(),
					sections(client, r.id())));
	}

	private Map<String, SectionReview> sections(OrgId client, UUID review) {
		Map<String, SectionReview> byId = new LinkedHashMap<>();
		jdbc.sql("select section_id, result, comment from vendor_document_review_section "
				+ "where client_org_id = ? and review_id = ?")
			.params(client.value(), review)
			.query((rs, n) -> new SectionReview(rs.getString("section_id"),
					ReviewResult.of(rs.getString("result")).orElseThrow(), rs.getString("comment")))
			.list()
			.forEach(s -> byId.put(s.sectionId(), s));
		return byId;
	}

	/** Replaces the client's review of the document. */
	public void saveReview(DocumentReview review) {
		jdbc.sql("delete from vendor_document_review where client_org_id = ? and document_id = ?")
			.params(review.client().value(), review.documentId())
			.update();
		jdbc.sql("insert into vendor_document_review (id, client_org_id, document_id, reviewed_by, reviewed_on, "
				+ "complete) values (?, ?, ?, ?, ?, ?)")
			.params(review.id(), review.client().value(), review.documentId(), review.reviewedBy(), review.reviewedOn(),
					review.complete())
			.update();
		for (SectionReview s : review.sections().values()) {
			jdbc.sql("insert into vendor_document_review_section (review_id, client_org_id, section_id, result, "
					+ "comment) values (?, ?, ?, ?, ?)")
				.params(review.id(), review.client().value(), s.sectionId(), s.result().code(), s.comment())
				.update();
		}
	}

	private static VendorDocument document(ResultSet rs, int row) throws SQLException {
		return new VendorDocument(rs.getObject("id", UUID.class), new OrgId(rs.getObject("vendor_org_id", UUID.class)),
				rs.getObject("product_id", UUID.class), rs.getString("kind"), rs.getString("document_version"),
				rs.getObject("issued_on", LocalDate.class), rs.getObject("evidence_file_id", UUID.class),
				rs.getString("file_name"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(),
				rs.getString("uploaded_by"));
	}

}
