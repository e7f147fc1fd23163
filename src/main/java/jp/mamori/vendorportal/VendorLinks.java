package jp.mamori.vendorportal;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.organization.VendorContract;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.InvalidLedgerDataException;
import jp.mamori.shared.ledger.LedgerColumn;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerError;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.LedgerValues;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.vendor.VendorLedgers;
import jp.mamori.vendorportal.internal.VendorLinkRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract link between a client and a vendor organisation, and what it lets the
 * vendor reach: the client's devices whose システム is one the link covers, and the
 * remote-maintenance connections whose 対象機器・システム is such a system or such a device — read
 * only — plus proposals of changes to those rows, which reach the ledger only through the
 * client's approval. Vendor methods take the vendor's organisation and find the link
 * through it, so a vendor never reaches a client it is not linked to, nor a row outside
 * the link's systems, whatever id it sends.
 */
@Service
public class VendorLinks {

	/** The ledgers a vendor may read and propose changes to. */
	public static final List<String> SCOPED_LEDGERS = List.of(InventoryLedgers.DEVICES,
			InventoryLedgers.REMOTE_CONNECTIONS);

	static final int MAX_TEXT = 2000;

	/**
	 * Separators between systems in a request's free text (読点, commas, slashes, lines).
	 */
	private static final String SYSTEM_SEPARATORS = "[、,，/／\\n]";

	private final VendorLinkRepository repository;

	private final Organizations organizations;

	private final Ledgers ledgers;

	private final LedgerStore store;

	private final LedgerRecords records;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	VendorLinks(VendorLinkRepository repository, Organizations organizations, Ledgers ledgers, LedgerStore store,
			LedgerRecords records, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.organizations = organizations;
		this.ledgers = ledgers;
		this.store = store;
		this.records = records;
		this.events = events;
		this.clock = clock;
	}

	/** The rows of one ledger a vendor may read, with their cells formatted for pages. */
	public record ScopedTable(LedgerDefinition ledger, List<LedgerRow> rows) {

		public List<String> cells(LedgerRow row) {
			return ledger.columns().stream().map(c -> LedgerValues.format(c, row.value(c.key()))).toList();
		}

		public String label(LedgerRow row) {
			return LedgerValues.format(ledger.labelColumn(), row.value(ledger.labelColumn().key()));
		}

	}

	/** What a vendor sees of one linked client. */
	public record ClientScope(VendorLink link, String clientName, ScopedTable devices, ScopedTable connections) {

		public List<ScopedTable> tables() {
			return List.of(devices, connections);
		}

	}

	// ---- the client's side: links ----

	/** Vendor organisations a client can link to, by name. */
	@Transactional(readOnly = true)
	public List<Organization> vendors() {
		return organizations.findAllOrderedByName().stream().filter(o -> o.kind() == OrgKind.VENDOR).toList();
	}

	/**
	 * The system names written in the client's ledgers (機器台帳's システム, 事業者一覧's 担当システム, the
	 * organisation's contracts): what a link may cover.
	 */
	@Transactional(readOnly = true)
	public List<String> systemNames(OrgId client) {
		Set<String> names = new TreeSet<>();
		for (LedgerRow row : all(ledgers.require(InventoryLedgers.DEVICES), client)) {
			addName(names, row.value("system"));
		}
		for (LedgerRow row : all(ledgers.require(VendorLedgers.VENDORS), client)) {
			addName(names, row.value("systems"));
		}
		for (VendorContract contract : organizations.contracts(client)) {
			addName(names, contract.systemName());
		}
		return List.copyOf(names);
	}

	@Transactional(readOnly = true)
	public List<VendorLink> ofClient(OrgId client) {
		return repository.ofClient(client);
	}

	@Transactional
	public VendorLink link(OrgId client, String vendorId, List<String> systems, String contractNumber,
			String emergencyContact, String by) {
		List<FieldViolation> violations = new ArrayList<>();
		Organization vendor = vendorOrganisation(vendorId);
		if (vendor == null || vendor.id().equals(client)) {
			violations.add(new FieldViolation("vendor", "連携する事業者の組織を選んでください"));
		}
		String number = contractNumber == null ? "" : contractNumber.strip();
		if (number.isEmpty() || number.length() > 100) {
			violations.add(new FieldViolation("contractNumber", "契約番号を1〜100文字で入力してください"));
		}
		String contact = emergencyContact == null || emergencyContact.isBlank() ? null : emergencyContact.strip();
		if (contact != null && contact.length() > 300) {
			violations.add(new FieldViolation("emergencyContact", "緊急連絡先は300文字以内で入力してください"));
		}
		List<String> known = systemNames(client);
		Set<String> chosen = new LinkedHashSet<>();
		for (String system : systems == null ? List.<String>of() : systems) {
			if (system == null || system.isBlank()) {
				continue;
			}
			if (known.contains(system.strip())) {
				chosen.add(system.strip());
			}
			else {
				violations.add(new FieldViolation("systems", "台帳にないシステムは選べません: " + system.strip()));
			}
		}
		if (chosen.isEmpty()) {
			violations.add(new FieldViolation("systems", "契約の対象のシステムを台帳のシステム名から1つ以上選んでください"));
		}
		if (String.join("\n", chosen).length() > 4000) {
			violations.add(new FieldViolation("systems", "選んだシステムが多すぎます（合計4000文字まで）"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		if (repository.find(client, vendor.id()).isPresent()) {
			throw new ConflictException("この事業者とはすでに連携しています。内容を変えるときは解除してから登録し直してください");
		}
		VendorLink link = new VendorLink(UUID.randomUUID(), client, vendor.id(), number, List.copyOf(chosen), contact,
				clock.instant(), by);
		repository.insert(link);
		events.publishEvent(new VendorLinkChanged(client, vendor.id(), "vendor-link.linked", "vendor-link:" + link.id(),
				vendor.name() + " 契約番号 " + number + " 対象 " + link.systemsText(), by));
		return link;
	}

	@Transactional
	public void unlink(OrgId client, UUID linkId, String by) {
		VendorLink link = repository.findForClient(client, linkId)
			.orElseThrow(() -> new NotFoundException("事業者との連携が見つかりません"));
		repository.delete(client, linkId);
		events.publishEvent(new VendorLinkChanged(client, link.vendor(), "vendor-link.unlinked",
				"vendor-link:" + link.id(), name(link.vendor()) + " 契約番号 " + link.contractNumber(), by));
	}

	/**
	 * Refuses a 事業者確認用 request to a vendor the client is not linked to, or for a system
	 * the link does not cover.
	 * @param systems the request's systems as typed; separated by 、 , / or lines
	 */
	@Transactional(readOnly = true)
	public void requireCovers(OrgId client, OrgId vendor, String systems) {
		VendorLink link = repository.find(client, vendor)
			.orElseThrow(() -> new InvalidInputException("vendor",
					"この事業者とは契約の連携が登録されていないため依頼できません。先に「事業者との契約」で契約番号と対象のシステムを登録してください"));
		Set<String> covered = link.systems().stream().map(VendorLinks::normalized).collect(Collectors.toSet());
		List<String> outside = Arrays.stream((systems == null ? "" : systems).split(SYSTEM_SEPARATORS))
			.map(String::strip)
			.filter(s -> !s.isEmpty() && !covered.contains(normalized(s)))
			.toList();
		if (!outside.isEmpty()) {
			throw new InvalidInputException("systems",
					"契約の対象外のシステムには依頼できません: " + String.join("、", outside) + "（契約の対象: " + link.systemsText() + "）");
		}
	}

	// ---- the vendor's side: clients and their in-scope rows ----

	@Transactional(readOnly = true)
	public List<VendorLink> ofVendor(OrgId vendor) {
		return repository.ofVendor(vendor);
	}

	/**
	 * The client's devices and connections the vendor may read; 404 for an unlinked
	 * client.
	 */
	@Transactional(readOnly = true)
	public ClientScope scope(OrgId vendor, OrgId client) {
		VendorLink link = requireLink(vendor, client);
		LedgerDefinition devices = ledgers.require(InventoryLedgers.DEVICES);
		LedgerDefinition connections = ledgers.require(InventoryLedgers.REMOTE_CONNECTIONS);
		Set<String> systems = link.systems().stream().map(VendorLinks::normalized).collect(Collectors.toSet());
		List<LedgerRow> inDevices = all(devices, client).stream()
			.filter(r -> systems.contains(normalized(r.value("system"))))
			.toList();
		// a connection names its target as a system or a device: either must be in scope
		Set<String> targets = new LinkedHashSet<>(systems);
		inDevices.forEach(r -> targets.add(normalized(r.value("name"))));
		List<LedgerRow> inConnections = all(connections, client).stream()
			.filter(r -> targets.contains(normalized(r.value("target"))))
			.toList();
		return new ClientScope(link, name(client), new ScopedTable(devices, inDevices),
				new ScopedTable(connections, inConnections));
	}

	/** One in-scope row; 404 for anything else, whichever id is guessed. */
	@Transactional(readOnly = true)
	public ScopedRow row(OrgId vendor, OrgId client, String ledgerId, UUID rowId) {
		ClientScope scope = scope(vendor, client);
		ScopedTable table = scope.tables()
			.stream()
			.filter(t -> t.ledger().id().equals(ledgerId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("行が見つかりません"));
		LedgerRow row = table.rows()
			.stream()
			.filter(r -> r.id().equals(rowId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("行が見つかりません"));
		return new ScopedRow(scope, table, row);
	}

	/** A row the vendor may read, with its client and table. */
	public record ScopedRow(ClientScope scope, ScopedTable table, LedgerRow row) {

		/** Current values as the proposal form shows them, by column key. */
		public Map<String, String> values() {
			Map<String, String> values = new LinkedHashMap<>();
			for (LedgerColumn column : table.ledger().columns()) {
				values.put(column.key(), LedgerValues.format(column, row.value(column.key())));
			}
			return values;
		}

	}

	/**
	 * The vendor proposes new values for some columns of an in-scope row. Only the
	 * columns whose value differs from the current one are kept; the whole row must still
	 * be valid with them, and a device cannot be moved to a system the link does not
	 * cover.
	 */
	@Transactional
	public VendorProposal propose(OrgId vendor, OrgId client, String ledgerId, UUID rowId, Map<String, String> proposed,
			String comment, String by) {
		ScopedRow scoped = row(vendor, client, ledgerId, rowId);
		LedgerDefinition ledger = scoped.table().ledger();
		Map<String, String> current = scoped.values();
		List<VendorProposal.Change> changes = new ArrayList<>();
		for (LedgerColumn column : ledger.columns()) {
			String value = proposed.get(column.key());
			if (value == null) {
				continue;
			}
			String typed = value.replace("\r\n", "\n").strip();
			if (!typed.equals(current.get(column.key()).strip())) {
				changes.add(new VendorProposal.Change(column.key(), column.header(), current.get(column.key()), typed));
			}
		}
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (text != null && text.length() > MAX_TEXT) {
			throw new InvalidInputException("comment", "コメントは2000文字以内で入力してください");
		}
		if (changes.isEmpty()) {
			throw new InvalidInputException("values", "変更する値がありません。提案したい欄の値を書き換えてください");
		}
		for (VendorProposal.Change change : changes) {
			if (change.newValue().length() > 4000) {
				throw new InvalidInputException(change.column(), change.header() + ": 4000文字以内で入力してください");
			}
			if (ledger.id().equals(InventoryLedgers.DEVICES) && change.column().equals("system")
					&& !scoped.scope().link().systems().contains(change.newValue())) {
				throw new InvalidInputException("system",
						"契約の対象外のシステムには変更できません（契約の対象: " + scoped.scope().link().systemsText() + "）");
			}
		}
		// validated now so that the client is never asked to approve a row that cannot be
		// stored
		applied(ledger, scoped.row(), changes);
		VendorProposal proposal = new VendorProposal(UUID.randomUUID(), client, vendor, ledger.id(), rowId,
				scoped.table().label(scoped.row()), text, VendorProposalStatus.PENDING, List.copyOf(changes),
				clock.instant(), by, null, null, null);
		repository.insert(proposal);
		publish(proposal, "vendor-proposal.proposed", describe(proposal), by);
		return withHeaders(proposal);
	}

	/** The vendor's own proposals for a linked client. */
	@Transactional(readOnly = true)
	public List<VendorProposal> proposalsOfVendor(OrgId vendor, OrgId client) {
		requireLink(vendor, client);
		return repository.proposalsOfVendor(vendor, client).stream().map(this::withHeaders).toList();
	}

	// ---- the client's side: proposals ----

	@Transactional(readOnly = true)
	public List<VendorProposal> proposalsOfClient(OrgId client) {
		return repository.proposalsOfClient(client).stream().map(this::withHeaders).toList();
	}

	/**
	 * The client approves: the proposed values are written over the row's current values
	 * through the ledger machinery (validated, versioned, audited as a ledger change).
	 */
	@Transactional
	public VendorProposal approve(OrgId client, UUID proposalId, String comment, String by) {
		VendorProposal proposal = pendingForClient(client, proposalId);
		LedgerDefinition ledger = ledgers.require(proposal.ledgerId());
		LedgerRow row = store.find(ledger, client, proposal.rowId())
			.orElseThrow(() -> new ConflictException("提案の対象の行は削除されています。却下してください"));
		Map<String, String> raw = applied(ledger, row, proposal.changes());
		records.update(ledger, client, row.id(), row.version(), raw, by);
		repository.decide(client, proposalId, VendorProposalStatus.APPROVED, text(comment), clock.instant(), by);
		publish(proposal, "vendor-proposal.approved", describe(proposal), by);
		return withHeaders(repository.proposalForClient(client, proposalId).orElseThrow());
	}

	/** The client rejects with a comment; the row is unchanged. */
	@Transactional
	public VendorProposal reject(OrgId client, UUID proposalId, String comment, String by) {
		String text = text(comment);
		if (text == null) {
			throw new InvalidInputException("comment", "却下の理由を1〜2000文字で入力してください");
		}
		VendorProposal proposal = pendingForClient(client, proposalId);
		repository.decide(client, proposalId, VendorProposalStatus.REJECTED, text, clock.instant(), by);
		publish(proposal, "vendor-proposal.rejected", text, by);
		return withHeaders(repository.proposalForClient(client, proposalId).orElseThrow());
	}

	/** The name of an organisation (the client for the vendor, and vice versa). */
	public String name(OrgId org) {
		return organizations.find(org).map(Organization::name).orElse("");
	}

	private VendorProposal pendingForClient(OrgId client, UUID id) {
		repository.proposalForClient(client, id).orElseThrow(() -> new NotFoundException("提案が見つかりません"));
		repository.lockProposal(client, id);
		VendorProposal proposal = repository.proposalForClient(client, id).orElseThrow();
		if (proposal.status() != VendorProposalStatus.PENDING) {
			throw new ConflictException("この提案はすでに承認または却下されています");
		}
		return proposal;
	}

	private VendorLink requireLink(OrgId vendor, OrgId client) {
		return repository.find(client, vendor).orElseThrow(() -> new NotFoundException("契約先の医療機関が見つかりません"));
	}

	/** The row's raw values with the changes written over them; refused if invalid. */
	private static Map<String, String> applied(LedgerDefinition ledger, LedgerRow row,
			List<VendorProposal.Change> changes) {
		Map<String, String> raw = new LinkedHashMap<>(LedgerValues.raw(ledger, row.values()));
		changes.forEach(c -> raw.put(c.column(), c.newValue()));
		List<LedgerError> errors = new ArrayList<>();
		LedgerValues.parse(ledger, raw, null, errors);
		if (!errors.isEmpty()) {
			throw new InvalidLedgerDataException(errors);
		}
		return raw;
	}

	private VendorProposal withHeaders(VendorProposal p) {
		Optional<LedgerDefinition> ledger = ledgers.find(p.ledgerId());
		List<VendorProposal.Change> changes = p.changes()
			.stream()
			.map(c -> new VendorProposal.Change(c.column(),
					ledger.flatMap(l -> l.column(c.column())).map(LedgerColumn::header).orElse(c.column()),
					c.oldValue(), c.newValue()))
			.toList();
		return new VendorProposal(p.id(), p.client(), p.vendor(), p.ledgerId(), p.rowId(), p.rowLabel(), p.comment(),
				p.status(), changes, p.proposedAt(), p.proposedBy(), p.decidedAt(), p.decidedBy(), p.decisionComment());
	}

	private String describe(VendorProposal p) {
		VendorProposal named = withHeaders(p);
		return p.ledgerId() + " " + p.rowLabel() + ": "
				+ named.changes()
					.stream()
					.map(c -> c.header() + " " + c.oldValue() + " → " + c.newValue())
					.collect(Collectors.joining("; "));
	}

	private void publish(VendorProposal p, String action, String detail, String by) {
		events.publishEvent(
				new VendorLinkChanged(p.client(), p.vendor(), action, "vendor-proposal:" + p.id(), detail, by));
	}

	private Organization vendorOrganisation(String vendorId) {
		if (vendorId == null || vendorId.isBlank()) {
			return null;
		}
		try {
			return organizations.find(OrgId.of(vendorId.strip())).filter(o -> o.kind() == OrgKind.VENDOR).orElse(null);
		}
		catch (BadInputException notAnId) {
			return null;
		}
	}

	private List<LedgerRow> all(LedgerDefinition ledger, OrgId org) {
		return store.list(ledger, org, 0, Integer.MAX_VALUE);
	}

	private static void addName(Set<String> names, Object value) {
		if (value instanceof List<?> list) {
			list.forEach(v -> addName(names, v));
		}
		else if (value != null && !value.toString().isBlank()) {
			names.add(value.toString().strip());
		}
	}

	/** Systems compare by NFKC, so that full- and half-width spellings match. */
	private static String normalized(Object value) {
		return value == null ? "" : Normalizer.normalize(value.toString(), Normalizer.Form.NFKC).strip();
	}

	private static String text(String comment) {
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (text != null && text.length() > MAX_TEXT) {
			throw new InvalidInputException("comment", "コメントは2000文字以内で入力してください");
		}
		return text;
	}

}
