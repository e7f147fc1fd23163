package jp.mamori.vendorportal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.evidence.EvidenceContent;
import jp.mamori.evidence.EvidenceFile;
import jp.mamori.evidence.EvidenceFiles;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.ClockConfiguration;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerChanged;
import jp.mamori.vendorportal.DocumentReview.SectionReview;
import jp.mamori.vendorportal.internal.VendorDocumentRepository;
import jp.mamori.vendorportal.internal.VendorProductRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * JAHIS MDS/SDS per product: the vendor uploads them (the file goes through the evidence
 * module's size and type checks, stored in the vendor organisation); a client sees the
 * current document of each product its vendors named for its requests, downloads it and
 * reviews it section by section. A client reaches no other documents.
 */
@Service
public class VendorDocuments {

	/** An owner type for the evidence module: the product the file documents. */
	static final String EVIDENCE_OWNER = "vendor-product-document";

	/**
	 * The vendor module's MDS/SDS ledger id, spelled out: vendor reads this module, so
	 * this module cannot read vendor.
	 */
	static final String MDS_SDS_LEDGER = "mds-sds";

	private final VendorDocumentRepository repository;

	/**
	 * The repository, not {@link VendorProducts}: the catalog's checks read this service
	 * (2-③), and VendorProducts reads the catalog.
	 */
	private final VendorProductRepository products;

	private final EvidenceFiles files;

	private final Organizations organizations;

	private final MdsSdsSections sections;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	VendorDocuments(VendorDocumentRepository repository, VendorProductRepository products, EvidenceFiles files,
			Organizations organizations, MdsSdsSections sections, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.products = products;
		this.files = files;
		this.organizations = organizations;
		this.sections = sections;
		this.events = events;
		this.clock = clock;
	}

	public List<MdsSdsSection> sections() {
		return sections.all();
	}

	/**
	 * The vendor uploads an MDS or SDS for one of its products.
	 * @throws InvalidInputException for a missing kind, version or date
	 * @throws jp.mamori.shared.BadInputException for a file the evidence module refuses
	 * (too large, not an allowed type, content not matching its name)
	 */
	@Transactional
	public VendorDocument upload(OrgId vendor, UUID productId, String kind, String documentVersion, LocalDate issuedOn,
			String fileName, byte[] bytes, String by) {
		VendorProduct product = requireProduct(vendor, productId);
		List<FieldViolation> violations = new ArrayList<>();
		if (!"mds".equals(kind) && !"sds".equals(kind)) {
			violations.add(new FieldViolation("kind", "種類（MDS または SDS）を選んでください"));
		}
		String version = documentVersion == null ? "" : documentVersion.strip();
		if (version.isEmpty() || version.length() > 100) {
			violations.add(new FieldViolation("documentVersion", "開示書の版を1〜100文字で入力してください"));
		}
		if (issuedOn == null) {
			violations.add(new FieldViolation("issuedOn", "発行日を入力してください"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		EvidenceFile file = files.store(vendor, fileName, bytes, EVIDENCE_OWNER, productId.toString(), by);
		VendorDocument document = new VendorDocument(UUID.randomUUID(), vendor, productId, kind, version, issuedOn,
				file.id(), file.fileName(), clock.instant(), by);
		repository.insert(document);
		events.publishEvent(new VendorProductChanged(productId, vendor, "vendor-product.document-uploaded",
				product.label() + " " + document.kindLabel() + " " + version + " " + issuedOn, by));
		return document;
	}

	/** Every document of the vendor's product, current (latest issue date) first. */
	@Transactional(readOnly = true)
	public List<VendorDocument> ofProduct(OrgId vendor, UUID productId) {
		requireProduct(vendor, productId);
		return repository.ofProduct(vendor, productId);
	}

	/** The vendor's own copy of one of its documents. */
	@Transactional(readOnly = true)
	public EvidenceContent contentForVendor(OrgId vendor, UUID documentId) {
		VendorDocument document = repository.findForVendor(vendor, documentId)
			.orElseThrow(() -> new NotFoundException("開示書が見つかりません"));
		return fileOf(document);
	}

	/**
	 * Per product named for the client's requests: its current document and the client's
	 * review of it.
	 */
	@Transactional(readOnly = true)
	public List<ClientDocument> forClient(OrgId client) {
		List<ClientDocument> out = new ArrayList<>();
		for (VendorProduct product : repository.productsNamedFor(client)) {
			VendorDocument current = repository.currentForClient(client, product.id()).orElse(null);
			DocumentReview review = current == null ? null : repository.review(client, current.id()).orElse(null);
			String vendorName = organizations.find(product.vendor()).map(Organization::name).orElse("");
			out.add(new ClientDocument(product.vendor(), vendorName, product, current, review));
		}
		return out;
	}

	/** The current document of a product named for the client, with its review. */
	@Transactional(readOnly = true)
	public ClientDocument requireCurrentForClient(OrgId client, UUID documentId) {
		return forClient(client).stream()
			.filter(d -> d.current() != null && d.current().id().equals(documentId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("開示書が見つかりません"));
	}

	/** Download of a current document by a client it is shown to. */
	@Transactional(readOnly = true)
	public EvidenceContent contentForClient(OrgId client, UUID documentId) {
		return fileOf(requireCurrentForClient(client, documentId).current());
	}

	/**
	 * The client records its review: per section a result (適合/一部適合/不適合/記載なし) and a
	 * comment; sections left without a result make the review incomplete. Reviewer and
	 * date are the user and today. Only the current document can be reviewed.
	 */
	@Transactional
	public DocumentReview review(OrgId client, UUID documentId, Map<String, String> results,
			Map<String, String> comments, String by) {
		ClientDocument shown = requireCurrentForClient(client, documentId);
		Map<String, SectionReview> reviewed = new LinkedHashMap<>();
		List<FieldViolation> violations = new ArrayList<>();
		for (MdsSdsSection section : sections.all()) {
			String code = results.get(section.id());
			String comment = comments.get(section.id());
			comment = comment == null || comment.isBlank() ? null : comment.strip();
			if (comment != null && comment.length() > AnswerRules.MAX_TEXT) {
				violations
					.add(new FieldViolation("comment-" + section.id(), section.name() + ": コメントは2000文字以内にしてください"));
			}
			if (code == null || code.isBlank()) {
				if (comment != null) {
					violations.add(new FieldViolation("result-" + section.id(), section.name() + ": 結果を選んでください"));
				}
				continue;
			}
			ReviewResult result = ReviewResult.of(code).orElse(null);
			if (result == null) {
				violations.add(new FieldViolation("result-" + section.id(), section.name() + ": 結果を選んでください"));
				continue;
			}
			reviewed.put(section.id(), new SectionReview(section.id(), result, comment));
		}
		if (reviewed.isEmpty() && violations.isEmpty()) {
			violations.add(new FieldViolation("result", "少なくとも1つの項目の結果を選んでください"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		boolean complete = reviewed.size() == sections.all().size();
		DocumentReview review = new DocumentReview(UUID.randomUUID(), client, documentId, by,
				LocalDate.now(clock.withZone(ClockConfiguration.JAPAN)), complete, reviewed);
		repository.saveReview(review);
		// a ledger change of the client's MDS/SDS records: audited as such, and it marks
		// the
		// client's cached evaluation stale so that 2-③ is judged again with this review
		events.publishEvent(new LedgerChanged(client, MDS_SDS_LEDGER, "portal-review", "vendor-document:" + documentId,
				shown.product().label() + " " + shown.current().kindLabel() + " " + shown.current().documentVersion()
						+ (complete ? " 確認完了" : " 確認途中 " + reviewed.size() + "/" + sections.all().size()),
				by));
		return review;
	}

	/**
	 * Names of the client's vendors with at least one current MDS/SDS the client reviewed
	 * completely: what {@code vendor.mds-sds-reviewed} accepts besides the ledger.
	 */
	@Transactional(readOnly = true)
	public List<String> vendorsWithReviewedDocument(OrgId client) {
		return forClient(client).stream()
			.filter(ClientDocument::reviewed)
			.map(ClientDocument::vendorName)
			.distinct()
			.toList();
	}

	private VendorProduct requireProduct(OrgId vendor, UUID productId) {
		return products.find(vendor, productId).orElseThrow(() -> new NotFoundException("製品・サービスが見つかりません"));
	}

	private EvidenceContent fileOf(VendorDocument document) {
		return files.content(document.vendor(), document.evidenceFileId())
			.orElseThrow(() -> new NotFoundException("開示書のファイルが見つかりません"));
	}

}
