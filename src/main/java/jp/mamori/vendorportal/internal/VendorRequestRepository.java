package jp.mamori.vendorportal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.shared.OrgId;
import jp.mamori.vendorportal.VendorAnswer;
import jp.mamori.vendorportal.VendorRequest;
import jp.mamori.vendorportal.VendorRequestStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code vendor_request} and {@code vendor_request_answer}; every query names the
 * client or the vendor organisation, never the id alone.
 */
@Repository
public class VendorRequestRepository {

	private static final String COLUMNS = "select id, client_org_id, vendor_org_id, fiscal_year, version_id, systems, "
			+ "status, return_comment, requested_at, requested_by, answered_at, answered_by, decided_at, decided_by, "
			+ "assessment_id, due_date, source from vendor_request ";

	private final JdbcClient jdbc;

	VendorRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(VendorRequest r) {
		jdbc.sql("insert into vendor_request (id, client_org_id, vendor_org_id, fiscal_year, version_id, systems, "
				+ "status, requested_at, requested_by, due_date, source) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(r.id(), r.client().value(), r.vendor().value(), r.fiscalYear(), r.versionId(), r.systems(),
					r.status().code(), utc(r.requestedAt()), r.requestedBy(), r.dueDate(), r.source())
			.update();
	}

	public List<VendorRequest> ofClient(OrgId client) {
		return jdbc.sql(COLUMNS + "where client_org_id = ? order by requested_at desc")
			.param(client.value())
			.query(VendorRequestRepository::request)
			.list();
	}

	public List<VendorRequest> ofVendor(OrgId vendor) {
		return jdbc.sql(COLUMNS + "where vendor_org_id = ? order by requested_at desc")
			.param(vendor.value())
			.query(VendorRequestRepository::request)
			.list();
	}

	public Optional<VendorRequest> findForClient(OrgId client, UUID id) {
		return jdbc.sql(COLUMNS + "where client_org_id = ? and id = ?")
			.params(client.value(), id)
			.query(VendorRequestRepository::request)
			.optional();
	}

	public Optional<VendorRequest> findForVendor(OrgId vendor, UUID id) {
		return jdbc.sql(COLUMNS + "where vendor_org_id = ? and id = ?")
			.params(vendor.value(), id)
			.query(VendorRequestRepository::request)
			.optional();
	}

	/** Locks the request row for a status change (vendor submitting, client deciding). */
	public void lock(UUID id) {
		jdbc.sql("select id from vendor_request where id = ? for update").param(id).query(UUID.class).optional();
	}

	public List<VendorAnswer> answers(VendorRequest r) {
		return jdbc
			.sql("select item_id, answer, target_date, note, product_id, adjusted from vendor_request_answer "
					+ "where request_id = ? and client_org_id = ? and vendor_org_id = ?")
			.params(r.id(), r.client().value(), r.vendor().value())
			.query((rs, n) -> new VendorAnswer(rs.getString("item_id"), rs.getString("answer"),
					rs.getObject("target_date", LocalDate.class), rs.getString("note"),
					rs.getObject("product_id", UUID.class), rs.getBoolean("adjusted")))
			.list();
	}

	public void replaceAnswers(VendorRequest r, List<VendorAnswer> answers) {
		jdbc.sql("delete from vendor_request_answer where request_id = ? and client_org_id = ? and vendor_org_id = ?")
			.params(r.id(), r.client().value(), r.vendor().value())
			.update();
		for (VendorAnswer a : answers) {
			jdbc.sql("insert into vendor_request_answer (request_id, client_org_id, vendor_org_id, item_id, answer, "
					+ "target_date, note, product_id, adjusted) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(r.id(), r.client().value(), r.vendor().value(), a.itemId(), a.answer(), a.targetDate(),
						a.note(), a.productId(), a.adjusted())
				.update();
		}
	}

	/** The products the vendor named for the request. */
	public List<UUID> productIds(VendorRequest r) {
		return jdbc.sql("select product_id from vendor_request_product where request_id = ? and vendor_org_id = ?")
			.params(r.id(), r.vendor().value())
			.query(UUID.class)
			.list();
	}

	public void replaceProducts(VendorRequest r, List<UUID> products) {
		jdbc.sql("delete from vendor_request_product where request_id = ? and vendor_org_id = ?")
			.params(r.id(), r.vendor().value())
			.update();
		for (UUID product : products) {
			jdbc.sql("insert into vendor_request_product (request_id, vendor_org_id, product_id) values (?, ?, ?)")
				.params(r.id(), r.vendor().value(), product)
				.update();
		}
	}

	/**
	 * Open requests (依頼済み/差戻し) with a 回答期限 on or before {@code until}, of every client:
	 * for the daily reminder to vendors.
	 */
	public List<VendorRequest> openDueBy(LocalDate until) {
		return jdbc
			.sql(COLUMNS + "where status in ('requested', 'returned') and due_date is not null and due_date <= ? "
					+ "order by vendor_org_id, due_date")
			.param(until)
			.query(VendorRequestRepository::request)
			.list();
	}

	public void answered(VendorRequest r, Instant at, String by) {
		jdbc.sql("update vendor_request set status = 'answered', answered_at = ?, answered_by = ?, "
				+ "version = version + 1 where id = ? and vendor_org_id = ?")
			.params(utc(at), by, r.id(), r.vendor().value())
			.update();
	}

	public void accepted(VendorRequest r, UUID assessmentId, Instant at, String by) {
		jdbc.sql("update vendor_request set status = 'accepted', assessment_id = ?, decided_at = ?, decided_by = ?, "
				+ "version = version + 1 where id = ? and client_org_id = ?")
			.params(assessmentId, utc(at), by, r.id(), r.client().value())
			.update();
	}

	public void returned(VendorRequest r, String comment, Instant at, String by) {
		jdbc.sql("update vendor_request set status = 'returned', return_comment = ?, decided_at = ?, decided_by = ?, "
				+ "version = version + 1 where id = ? and client_org_id = ?")
			.params(comment, utc(at), by, r.id(), r.client().value())
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static VendorRequest request(ResultSet rs, int row) throws SQLException {
		return new VendorRequest(rs.getObject("id", UUID.class), new OrgId(rs.getObject("client_org_id", UUID.class)),
				new OrgId(rs.getObject("vendor_org_id", UUID.class)), rs.getInt("fiscal_year"),
				rs.getString("version_id"), rs.getString("systems"),
				VendorRequestStatus.require(rs.getString("status")), rs.getString("return_comment"),
				instant(rs, "requested_at"), rs.getString("requested_by"), instant(rs, "answered_at"),
				rs.getString("answered_by"), instant(rs, "decided_at"), rs.getString("decided_by"),
				rs.getObject("assessment_id", UUID.class), rs.getObject("due_date", LocalDate.class),
				rs.getString("source"));
	}

}
