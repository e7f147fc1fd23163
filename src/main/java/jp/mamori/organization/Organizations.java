package jp.mamori.organization;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.organization.internal.OrganizationRepository;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations and their vendor contracts: creation, look-up, and the contract register.
 */
@Service
public class Organizations {

	private final OrganizationRepository repository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Organizations(OrganizationRepository repository, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Organization create(String name, OrgKind kind, String createdBy) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 200) {
			throw new BadInputException("組織名を1〜200文字で入力してください");
		}
		Organization org = new Organization(OrgId.random(), trimmed, kind, clock.instant());
		repository.insert(org);
		events.publishEvent(new OrganizationCreated(org.id(), org.name(), org.kind(), createdBy));
		return org;
	}

	public Optional<Organization> find(OrgId id) {
		return repository.find(id);
	}

	public Organization require(OrgId id) {
		return find(id).orElseThrow(() -> new BadInputException("組織が見つかりません: " + id));
	}

	/**
	 * Resolves a command-line reference: an organisation id, or an exact, unique name.
	 */
	public Organization resolve(String idOrName) {
		try {
			Optional<Organization> byId = find(new OrgId(UUID.fromString(idOrName)));
			if (byId.isPresent()) {
				return byId.get();
			}
		}
		catch (IllegalArgumentException notAnId) {
			// fall through to the name
		}
		List<Organization> named = repository.findByName(idOrName);
		if (named.size() == 1) {
			return named.get(0);
		}
		throw new BadInputException(
				named.isEmpty() ? "組織が見つかりません: " + idOrName : "同じ名前の組織が複数あります。組織IDで指定してください: " + idOrName);
	}

	/** Every organisation of the instance: for the system administrator's list only. */
	public List<Organization> findAllOrderedByName() {
		return repository.findAll();
	}

	public long count() {
		return repository.count();
	}

	public List<Organization> findAll(java.util.Collection<OrgId> ids) {
		Map<OrgId, Organization> byId = repository.findAll(ids)
			.stream()
			.collect(java.util.stream.Collectors.toMap(Organization::id, o -> o));
		return ids.stream().distinct().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	public List<VendorContract> contracts(OrgId org) {
		return repository.contracts(org);
	}

	public boolean hasVendorContract(OrgId org) {
		return repository.countContracts(org) > 0;
	}

	@Transactional
	public VendorContract addContract(OrgId org, String vendorName, String systemName, String by) {
		String vendor = vendorName == null ? "" : vendorName.strip();
		if (vendor.isEmpty() || vendor.length() > 200) {
			throw new BadInputException("事業者名を1〜200文字で入力してください");
		}
		String system = systemName == null || systemName.isBlank() ? null : systemName.strip();
		if (system != null && system.length() > 200) {
			throw new BadInputException("システム名は200文字以内で入力してください");
		}
		VendorContract contract = new VendorContract(UUID.randomUUID(), org, vendor, system, clock.instant());
		repository.insertContract(contract);
		events.publishEvent(new VendorContractChanged(org, contract.id(), vendor, false, by));
		return contract;
	}

	@Transactional
	public void removeContract(OrgId org, UUID contractId, String by) {
		VendorContract contract = repository.contract(org, contractId)
			.orElseThrow(() -> new BadInputException("契約が見つかりません"));
		repository.deleteContract(org, contractId);
		events.publishEvent(new VendorContractChanged(org, contractId, contract.vendorName(), true, by));
	}

}
