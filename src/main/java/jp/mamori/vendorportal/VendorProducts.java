package jp.mamori.vendorportal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.catalog.Catalog;
import jp.mamori.catalog.ChecklistForm;
import jp.mamori.catalog.FormCode;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.vendorportal.internal.VendorProductRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A vendor organisation's products and services and its 事業者確認用 answer per product and
 * checklist version, answered once and drawn on for every client's request. Every method
 * takes the vendor organisation and finds products only through it.
 */
@Service
public class VendorProducts {

	private final VendorProductRepository repository;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	VendorProducts(VendorProductRepository repository, Catalog catalog, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public VendorProduct register(OrgId vendor, String name, String productVersion, String description, String by) {
		String cleanName = name == null ? "" : name.strip();
		String cleanVersion = productVersion == null ? "" : productVersion.strip();
		String cleanDescription = description == null || description.isBlank() ? null : description.strip();
		List<FieldViolation> violations = new ArrayList<>();
		if (cleanName.isEmpty() || cleanName.length() > 200) {
			violations.add(new FieldViolation("name", "製品・サービス名を1〜200文字で入力してください"));
		}
		if (cleanVersion.length() > 100) {
			violations.add(new FieldViolation("productVersion", "バージョンは100文字以内にしてください"));
		}
		if (cleanDescription != null && cleanDescription.length() > AnswerRules.MAX_TEXT) {
			violations.add(new FieldViolation("description", "説明は2000文字以内にしてください"));
		}
		if (violations.isEmpty() && repository.exists(vendor, cleanName, cleanVersion)) {
			violations.add(new FieldViolation("name", "同じ名前とバージョンの製品・サービスがすでに登録されています"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		VendorProduct product = new VendorProduct(UUID.randomUUID(), vendor, cleanName, cleanVersion, cleanDescription,
				clock.instant(), by);
		repository.insert(product);
		events.publishEvent(
				new VendorProductChanged(product.id(), vendor, "vendor-product.registered", product.label(), by));
		return product;
	}

	@Transactional(readOnly = true)
	public List<VendorProduct> ofVendor(OrgId vendor) {
		return repository.ofVendor(vendor);
	}

	@Transactional(readOnly = true)
	public VendorProduct require(OrgId vendor, UUID id) {
		return repository.find(vendor, id).orElseThrow(() -> new NotFoundException("製品・サービスが見つかりません"));
	}

	/** The 事業者確認用 form of a checklist version. */
	public ChecklistForm form(String versionId) {
		return catalog.form(versionId, FormCode.VENDOR)
			.orElseThrow(() -> new NotFoundException(versionId + " に事業者確認用の様式はありません"));
	}

	/**
	 * The product's shared answer for a checklist version, by row id (empty when none
	 * yet).
	 */
	@Transactional(readOnly = true)
	public Map<String, VendorAnswer> answers(OrgId vendor, UUID product, String versionId) {
		require(vendor, product);
		Map<String, VendorAnswer> byItem = new LinkedHashMap<>();
		repository.answers(vendor, product, versionId).forEach(a -> byItem.put(a.itemId(), a));
		return byItem;
	}

	/**
	 * Saves the product's shared answer (every row, いいえ with a 目標日). Requests already
	 * submitted keep the answer they were sent with.
	 */
	@Transactional
	public List<VendorAnswer> saveAnswers(OrgId vendor, UUID product, String versionId,
			Map<String, VendorAnswer> answers, String by) {
		VendorProduct found = require(vendor, product);
		List<VendorAnswer> rows = AnswerRules.check(form(versionId), answers, null);
		repository.replaceAnswers(vendor, product, versionId, rows, clock.instant(), by);
		events.publishEvent(new VendorProductChanged(product, vendor, "vendor-product.answered", found.label() + " "
				+ versionId + " " + rows.stream().filter(VendorAnswer::isYes).count() + "/" + rows.size() + " はい", by));
		return rows;
	}

}
