package jp.mamori.vendorportal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.assessment.Assessment;
import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.assessment.AssessmentRound;
import jp.mamori.assessment.AnswerCommand;
import jp.mamori.assessment.CreateAssessment;
import jp.mamori.assessment.RecordAnswer;
import jp.mamori.catalog.Catalog;
import jp.mamori.catalog.ChecklistForm;
import jp.mamori.catalog.FormCode;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ClockConfiguration;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.vendorportal.internal.VendorProductRepository;
import jp.mamori.vendorportal.internal.VendorRequestRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the 事業者確認用 request, for both sides. A client method takes the client's
 * organisation, a vendor method the vendor's: each finds the request only through that
 * organisation, so neither side reaches a request that is not its own.
 */
@Service
public class VendorRequests {

	/** The version a new request names unless the clinic chooses another. */
	public static final String DEFAULT_VERSION = "R7";

	private final VendorRequestRepository repository;

	private final Organizations organizations;

	private final Catalog catalog;

	private final AssessmentQueries assessments;

	private final CreateAssessment createAssessment;

	private final RecordAnswer recordAnswer;

	private final VendorProductRepository products;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final VendorLinks links;

	VendorRequests(VendorRequestRepository repository, VendorProductRepository products, Organizations organizations,
			Catalog catalog, AssessmentQueries assessments, CreateAssessment createAssessment,
			RecordAnswer recordAnswer, ApplicationEventPublisher events, Clock clock, VendorLinks links) {
		this.links = links;
		this.repository = repository;
		this.products = products;
		this.organizations = organizations;
		this.catalog = catalog;
		this.assessments = assessments;
		this.createAssessment = createAssessment;
		this.recordAnswer = recordAnswer;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The vendor organisations a clinic can address, by name: those it linked by contract
	 * (nothing else of the instance's vendors is shown to a clinic).
	 */
	@Transactional(readOnly = true)
	public List<Organization> vendors(OrgId client) {
		java.util.Set<OrgId> linked = links.ofClient(client)
			.stream()
			.map(VendorLink::vendor)
			.collect(java.util.stream.Collectors.toSet());
		return organizations.findAllOrderedByName()
			.stream()
			.filter(o -> o.kind() == OrgKind.VENDOR && linked.contains(o.id()))
			.toList();
	}

	/** Checklist versions that have a 事業者確認用 form, oldest first. */
	public List<String> versions() {
		return catalog.versions()
			.stream()
			.filter(v -> v.form(FormCode.VENDOR).isPresent())
			.map(jp.mamori.catalog.ChecklistVersion::id)
			.toList();
	}

	public FiscalYear currentFiscalYear() {
		return FiscalYear.containing(today());
	}

	/** Today in Japan: what 期限超過 is judged against. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(ClockConfiguration.JAPAN));
	}

	@Transactional
	public VendorRequest send(OrgId client, String vendorId, Integer fiscalYear, String versionId, String systems,
			String by) {
		return send(client, vendorId, fiscalYear, versionId, systems, null, by);
	}

	/**
	 * Sends a request; {@code dueDate} is the optional 回答期限 the vendor is reminded of.
	 */
	@Transactional
	public VendorRequest send(OrgId client, String vendorId, Integer fiscalYear, String versionId, String systems,
			LocalDate dueDate, String by) {
		VendorRequest request = newRequest(client, vendorId, fiscalYear, versionId, systems, dueDate, by,
				VendorRequest.PORTAL);
		FiscalYear year = FiscalYear.of(request.fiscalYear());
		String version = request.versionId();
		String covered = request.systems();
		repository.insert(request);
		publish(request, "vendor-request.requested", year.japaneseLabel() + " " + version + " " + covered, by);
		return request;
	}

	private VendorRequest newRequest(OrgId client, String vendorId, Integer fiscalYear, String versionId,
			String systems, LocalDate dueDate, String by, String source) {
		List<FieldViolation> violations = new ArrayList<>();
		Organization vendor = null;
		try {
			vendor = vendorId == null || vendorId.isBlank() ? null
					: organizations.find(OrgId.of(vendorId.strip()))
						.filter(o -> o.kind() == OrgKind.VENDOR)
						.orElse(null);
		}
		catch (BadInputException notAnId) {
			// reported below as an unknown vendor
		}
		if (vendor == null || vendor.id().equals(client)) {
			violations.add(new FieldViolation("vendor", "依頼先の事業者を選んでください"));
		}
		FiscalYear year = null;
		try {
			year = fiscalYear == null ? null : FiscalYear.of(fiscalYear);
		}
		catch (BadInputException ex) {
			violations.add(new FieldViolation("fiscalYear", ex.getMessage()));
		}
		if (fiscalYear == null) {
			violations.add(new FieldViolation("fiscalYear", "年度を入力してください"));
		}
		String version = versionId == null || versionId.isBlank() ? DEFAULT_VERSION : versionId.strip();
		if (catalog.form(version, FormCode.VENDOR).isEmpty()) {
			violations.add(new FieldViolation("version", version + " に事業者確認用の様式はありません"));
		}
		String covered = systems == null ? "" : systems.strip();
		if (covered.isEmpty() || covered.length() > 1000) {
			violations.add(new FieldViolation("systems", "対象のシステムを1〜1000文字で入力してください"));
		}
		if (dueDate != null && dueDate.isBefore(today())) {
			violations.add(new FieldViolation("dueDate", "回答期限には今日以降の日付を入力してください"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		// only to a vendor the client linked by contract, and only for the systems it
		// covers
		links.requireCovers(client, vendor.id(), covered);
		VendorRequest request = new VendorRequest(UUID.randomUUID(), client, vendor.id(), year.startYear(), version,
				covered, VendorRequestStatus.REQUESTED, null, clock.instant(), by, null, null, null, null, null,
				dueDate, source);
		return request;
	}

	@Transactional(readOnly = true)
	public List<VendorRequest> ofClient(OrgId client) {
		return repository.ofClient(client);
	}

	/** Requests addressed to the vendor organisation, and only those. */
	@Transactional(readOnly = true)
	public List<VendorRequest> ofVendor(OrgId vendor) {
		return repository.ofVendor(vendor);
	}

	@Transactional(readOnly = true)
	public VendorRequest requireForClient(OrgId client, UUID id) {
		return repository.findForClient(client, id).orElseThrow(() -> new NotFoundException("依頼が見つかりません"));
	}

	@Transactional(readOnly = true)
	public VendorRequest requireForVendor(OrgId vendor, UUID id) {
		return repository.findForVendor(vendor, id).orElseThrow(() -> new NotFoundException("依頼が見つかりません"));
	}

	@Transactional(readOnly = true)
	public List<VendorAnswer> answers(VendorRequest request) {
		return repository.answers(request);
	}

	/** The 事業者確認用 form of a checklist version. */
	public ChecklistForm formOf(String versionId) {
		String version = versionId == null || versionId.isBlank() ? DEFAULT_VERSION : versionId.strip();
		return catalog.form(version, FormCode.VENDOR)
			.orElseThrow(() -> new InvalidInputException("version", version + " に事業者確認用の様式はありません"));
	}

	/** The 事業者確認用 form of the request's checklist version. */
	public ChecklistForm form(VendorRequest request) {
		return catalog.requireForm(request.versionId(), FormCode.VENDOR);
	}

	/**
	 * The name of the other side of a request (client for the vendor, and vice versa).
	 */
	public String name(OrgId org) {
		return organizations.find(org).map(Organization::name).orElse("");
	}

	/**
	 * The vendor submits its answer: every row はい or いいえ, いいえ with a 目標日 within the 年度.
	 * Allowed while the request is 依頼済み or 差戻し.
	 */
	@Transactional
	public VendorRequest submit(OrgId vendor, UUID id, Map<String, VendorAnswer> answers, String by) {
		repository.findForVendor(vendor, id).orElseThrow(() -> new NotFoundException("依頼が見つかりません"));
		repository.lock(id);
		VendorRequest request = requireForVendor(vendor, id);
		if (!request.status().isOpenToVendor()) {
			throw new ConflictException("この依頼は回答済みです。差戻しがあるまで変更できません");
		}
		Map<String, VendorAnswer> prefill = prefill(request);
		List<VendorAnswer> rows = new ArrayList<>();
		for (VendorAnswer row : AnswerRules.check(form(request), answers, FiscalYear.of(request.fiscalYear()))) {
			VendorAnswer drawn = prefill.get(row.itemId());
			// the row remembers its product answer, and whether it was changed for this
			// client: the client sees which rows differ from what the vendor tells
			// everyone
			rows.add(drawn == null ? row.from(null, false) : row.from(drawn.productId(), !row.sameContent(drawn)));
		}
		repository.replaceAnswers(request, rows);
		repository.answered(request, clock.instant(), by);
		publish(request, "vendor-request.answered",
				rows.stream().filter(VendorAnswer::isYes).count() + "/" + rows.size() + " はい", by);
		return requireForVendor(vendor, id);
	}

	/**
	 * The vendor names the products/services whose shared answer the request's answer is
	 * drawn from (and whose MDS/SDS the client then sees). Only its own products, only
	 * while the request is open to it.
	 */
	@Transactional
	public VendorRequest chooseProducts(OrgId vendor, UUID id, List<UUID> productIds, String by) {
		requireForVendor(vendor, id);
		repository.lock(id);
		VendorRequest request = requireForVendor(vendor, id);
		if (!request.status().isOpenToVendor()) {
			throw new ConflictException("この依頼は回答済みです。差戻しがあるまで変更できません");
		}
		List<UUID> chosen = productIds == null ? List.of() : productIds.stream().distinct().toList();
		List<String> labels = new ArrayList<>();
		for (UUID product : chosen) {
			labels.add(products.find(vendor, product)
				.orElseThrow(() -> new InvalidInputException("products", "自社の製品・サービスを選んでください"))
				.label());
		}
		repository.replaceProducts(request, chosen);
		publish(request, "vendor-request.products", String.join("、", labels), by);
		return request;
	}

	/** The products the vendor named for the request, by name. */
	@Transactional(readOnly = true)
	public List<VendorProduct> products(VendorRequest request) {
		return repository.productIds(request)
			.stream()
			.map(p -> products.find(request.vendor(), p))
			.flatMap(java.util.Optional::stream)
			.sorted(java.util.Comparator.comparing(VendorProduct::label))
			.toList();
	}

	/**
	 * The answer the named products' shared answers give for the request, by row: a row
	 * is いいえ when any product answers いいえ (the first such product, by name, gives its 目標日
	 * and 備考), otherwise the first product's はい. Rows no product answered are absent.
	 */
	@Transactional(readOnly = true)
	public Map<String, VendorAnswer> prefill(VendorRequest request) {
		Map<String, VendorAnswer> merged = new java.util.LinkedHashMap<>();
		for (VendorProduct product : products(request)) {
			for (VendorAnswer answer : products.answers(request.vendor(), product.id(), request.versionId())) {
				VendorAnswer before = merged.get(answer.itemId());
				if (before == null || (before.isYes() && !answer.isYes())) {
					merged.put(answer.itemId(), answer);
				}
			}
		}
		return merged;
	}

	/**
	 * The client accepts the answer: it is copied into the client's 事業者確認用 assessment of
	 * that vendor for the 年度 and version (created if absent), into its latest open round,
	 * 確認日 the day the vendor answered.
	 */
	@Transactional
	public VendorRequest accept(OrgId client, UUID id, String by) {
		VendorRequest request = answeredForClient(client, id);
		LocalDate checkedOn = LocalDate.ofInstant(request.answeredAt(), ClockConfiguration.JAPAN);
		UUID assessment = copyIntoAssessment(request, repository.answers(request), a -> checkedOn, by);
		repository.accepted(request, assessment, clock.instant(), by);
		publish(request, "vendor-request.accepted", "事業者確認用に反映", by);
		return requireForClient(client, id);
	}

	/**
	 * A client without vendor users records the vendor's filled Excel form: a request of
	 * source {@code excel}, answered and accepted at once — the same result as accepting
	 * an answer from the portal, with each row's 確認日 as the form gives it (today when
	 * blank).
	 * @throws InvalidInputException for the request's fields or rows the rules refuse
	 */
	@Transactional
	public VendorRequest recordImported(OrgId client, String vendorId, Integer fiscalYear, String versionId,
			String systems, Map<String, VendorAnswer> answers, Map<String, LocalDate> checkedOn, String fileName,
			String by) {
		VendorRequest request = newRequest(client, vendorId, fiscalYear, versionId, systems, null, by,
				VendorRequest.EXCEL);
		List<VendorAnswer> rows = AnswerRules.check(form(request), answers, FiscalYear.of(request.fiscalYear()));
		repository.insert(request);
		repository.replaceAnswers(request, rows);
		repository.answered(request, clock.instant(), by);
		LocalDate today = today();
		UUID assessment = copyIntoAssessment(request, rows, a -> checkedOn.getOrDefault(a.itemId(), today), by);
		repository.accepted(request, assessment, clock.instant(), by);
		publish(request, "vendor-request.imported",
				fileName + " " + rows.stream().filter(VendorAnswer::isYes).count() + "/" + rows.size() + " はい", by);
		return requireForClient(client, request.id());
	}

	/**
	 * Copies answers into the client's 事業者確認用 assessment of that vendor for the 年度 and
	 * version (created if absent), into its latest open round.
	 */
	private UUID copyIntoAssessment(VendorRequest request, List<VendorAnswer> answers,
			java.util.function.Function<VendorAnswer, LocalDate> checkedOn, String by) {
		OrgId client = request.client();
		// one 事業者確認用 per vendor and 年度: a second vendor's answers never overwrite the
		// first's
		String vendorName = organizations.require(request.vendor()).name();
		Assessment assessment = assessments.list(client)
			.stream()
			.filter(a -> a.fiscalYear().startYear() == request.fiscalYear() && a.versionId().equals(request.versionId())
					&& a.form() == FormCode.VENDOR && a.subject().equals(vendorName))
			.findFirst()
			.orElseGet(() -> createAssessment.create(client, request.fiscalYear(), request.versionId(),
					FormCode.VENDOR.code(), null, vendorName, by));
		AssessmentRound round = assessments.rounds(client, assessment.id())
			.stream()
			.filter(AssessmentRound::isOpen)
			.reduce((first, second) -> second)
			.orElseThrow(() -> new ConflictException("事業者確認用のチェックリストに入力できる回がありません（提出済み）"));
		for (VendorAnswer answer : answers) {
			recordAnswer.record(client, assessment.id(), round.number(), answer.itemId(), new AnswerCommand(
					answer.answer(), checkedOn.apply(answer), answer.targetDate(), answer.note(), null), by);
		}
		return assessment.id();
	}

	/** The client returns the answer to the vendor with a comment. */
	@Transactional
	public VendorRequest returnToVendor(OrgId client, UUID id, String comment, String by) {
		String text = comment == null ? "" : comment.strip();
		if (text.isEmpty() || text.length() > AnswerRules.MAX_TEXT) {
			throw new InvalidInputException("comment", "差戻しの理由を1〜2000文字で入力してください");
		}
		VendorRequest request = answeredForClient(client, id);
		repository.returned(request, text, clock.instant(), by);
		publish(request, "vendor-request.returned", text, by);
		return requireForClient(client, id);
	}

	private VendorRequest answeredForClient(OrgId client, UUID id) {
		requireForClient(client, id);
		repository.lock(id);
		VendorRequest request = requireForClient(client, id);
		if (request.status() != VendorRequestStatus.ANSWERED) {
			throw new ConflictException("回答済みの依頼だけを確認・差戻しできます");
		}
		return request;
	}

	private void publish(VendorRequest request, String action, String detail, String by) {
		events.publishEvent(
				new VendorRequestChanged(request.id(), request.client(), request.vendor(), action, detail, by));
	}

}
