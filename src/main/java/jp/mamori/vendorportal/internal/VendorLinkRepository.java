package jp.mamori.vendorportal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.mamori.shared.OrgId;
import jp.mamori.vendorportal.VendorLink;
import jp.mamori.vendorportal.VendorProposal;
import jp.mamori.vendorportal.VendorProposalStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code vendor_link}, {@code vendor_proposal} and {@code vendor_proposal_value};
 * every query names the client or the vendor organisation, never the id alone.
 */
@Repository
public class VendorLinkRepository {

	private static final String LINK = "select id, client_org_id, vendor_org_id, contract_number, systems, "
			+ "emergency_contact, created_at, created_by from vendor_link ";

	private static final String PROPOSAL = "select id, client_org_id, vendor_org_id, ledger_id, row_id, row_label, "
			+ "comment, status, proposed_at, proposed_by, decided_at, decided_by, decision_comment from vendor_proposal ";

	private final JdbcClient jdbc;

	VendorLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(VendorLink link) {
		jdbc.sql("insert into vendor_link (id, client_org_id, vendor_org_id, contract_number, systems, "
				+ "emergency_contact, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(link.id(), link.client().value(), link.vendor().value(), link.contractNumber(),
					String.join("\n", link.systems()), link.emergencyContact(), utc(link.createdAt()), link.createdBy())
			.update();
	}

	public int delete(OrgId client, UUID id) {
		return jdbc.sql("delete from vendor_link where client_org_id = ? and id = ?")
			.params(client.value(), id)
			.update();
	}

	public List<VendorLink> ofClient(OrgId client) {
		return jdbc.sql(LINK + "where client_org_id = ? order by created_at, id")
			.param(client.value())
			.query(VendorLinkRepository::link)
			.list();
	}

	public List<VendorLink> ofVendor(OrgId vendor) {
		return jdbc.sql(LINK + "where vendor_org_id = ? order by created_at, id")
			.param(vendor.value())
			.query(VendorLinkRepository::link)
			.list();
	}

	public Optional<VendorLink> findForClient(OrgId client, UUID id) {
		return jdbc.sql(LINK + "where client_org_id = ? and id = ?")
			.params(client.value(), id)
			.query(VendorLinkRepository::link)
			.optional();
	}

	public Optional<VendorLink> find(OrgId client, OrgId vendor) {
		return jdbc.sql(LINK + "where client_org_id = ? and vendor_org_id = ?")
			.params(client.value(), vendor.value())
			.query(VendorLinkRepository::link)
			.optional();
	}

	public void insert(VendorProposal p) {
		jdbc.sql(
				"insert into vendor_proposal (id, client_org_id, vendor_org_id, ledger_id, row_id, row_label, comment, "
						+ "status, proposed_at, proposed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(p.id(), p.client().value(), p.vendor().value(), p.ledgerId(), p.rowId(), p.rowLabel(), p.comment(),
					p.status().code(), utc(p.proposedAt()), p.proposedBy())
			.update();
		for (VendorProposal.Change change : p.changes()) {
			jdbc.sql("insert into vendor_proposal_value (proposal_id, column_key, old_value, new_value) "
					+ "values (?, ?, ?, ?)")
				.params(p.id(), change.column(), change.oldValue(), change.newValue())
				.update();
		}
	}

	public List<VendorProposal> proposalsOfClient(OrgId client) {
		return withValues(jdbc.sql(PROPOSAL + "where client_org_id = ? order by proposed_at desc, id")
			.param(client.value())
			.query(VendorLinkRepository::proposal)
			.list());
	}

	public List<VendorProposal> proposalsOfVendor(OrgId vendor, OrgId client) {
		return withValues(
				jdbc.sql(PROPOSAL + "where vendor_org_id = ? and client_org_id = ? order by proposed_at desc, id")
					.params(vendor.value(), client.value())
					.query(VendorLinkRepository::proposal)
					.list());
	}

	public Optional<VendorProposal> proposalForClient(OrgId client, UUID id) {
		return withValues(jdbc.sql(PROPOSAL + "where client_org_id = ? and id = ?")
			.params(client.value(), id)
			.query(VendorLinkRepository::proposal)
			.list()).stream().findFirst();
	}

	/** Locks the proposal row for the client's decision. */
	public void lockProposal(OrgId client, UUID id) {
		jdbc.sql("select id from vendor_proposal where client_org_id = ? and id = ? for update")
			.params(client.value(), id)
			.query(UUID.class)
			.optional();
	}

	public void decide(OrgId client, UUID id, VendorProposalStatus status, String comment, Instant at, String by) {
		jdbc.sql("update vendor_proposal set status = ?, decision_comment = ?, decided_at = ?, decided_by = ? "
				+ "where client_org_id = ? and id = ?")
			.params(status.code(), comment, utc(at), by, client.value(), id)
			.update();
	}

	private List<VendorProposal> withValues(List<VendorProposal> proposals) {
		if (proposals.isEmpty()) {
			return proposals;
		}
		Map<UUID, List<VendorProposal.Change>> changes = jdbc.sql(
				"select proposal_id, column_key, old_value, new_value from vendor_proposal_value where proposal_id in ("
						+ proposals.stream().map(p -> "?").collect(Collectors.joining(", ")) + ") order by column_key")
			.params(proposals.stream().map(VendorProposal::id).map(Object.class::cast).toList())
			.query((rs, n) -> Map.entry(rs.getObject("proposal_id", UUID.class),
					new VendorProposal.Change(rs.getString("column_key"), null, rs.getString("old_value"),
							rs.getString("new_value"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return proposals.stream()
			.map(p -> new VendorProposal(p.id(), p.client(), p.vendor(), p.ledgerId(), p.rowId(), p.rowLabel(),
					p.comment(), p.status(), changes.getOrDefault(p.id(), List.of()), p.proposedAt(), p.proposedBy(),
					p.decidedAt(), p.decidedBy(), p.decisionComment()))
			.toList();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static VendorLink link(ResultSet rs, int row) throws SQLException {
		return new VendorLink(rs.getObject("id", UUID.class), new OrgId(rs.getObject("client_org_id", UUID.class)),
				new OrgId(rs.getObject("vendor_org_id", UUID.class)), rs.getString("contract_number"),
				Arrays.stream(rs.getString("systems").split("\n")).filter(s -> !s.isBlank()).toList(),
				rs.getString("emergency_contact"), instant(rs, "created_at"), rs.getString("created_by"));
	}

	private static VendorProposal proposal(ResultSet rs, int row) throws SQLException {
		return new VendorProposal(rs.getObject("id", UUID.class), new OrgId(rs.getObject("client_org_id", UUID.class)),
				new OrgId(rs.getObject("vendor_org_id", UUID.class)), rs.getString("ledger_id"),
				rs.getObject("row_id", UUID.class), rs.getString("row_label"), rs.getString("comment"),
				VendorProposalStatus.require(rs.getString("status")), List.of(), instant(rs, "proposed_at"),
				rs.getString("proposed_by"), instant(rs, "decided_at"), rs.getString("decided_by"),
				rs.getString("decision_comment"));
	}

}
