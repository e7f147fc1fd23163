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
import jp.mamori.vendorportal.VendorProduct;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code vendor_product} and {@code vendor_product_answer}; every query names the
 * vendor organisation, so one vendor never reaches another's products.
 */
@Repository
public class VendorProductRepository {

	private static final String COLUMNS = "select id, vendor_org_id, name, product_version, description, created_at, "
			+ "created_by from vendor_product ";

	private final JdbcClient jdbc;

	VendorProductRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(VendorProduct p) {
		jdbc.sql("insert into vendor_product (id, vendor_org_id, name, product_version, description, created_at, "
				+ "created_by) values (?, ?, ?, ?, ?, ?, ?)")
			.params(p.id(), p.vendor().value(), p.name(), p.productVersion(), p.description(),
					p.createdAt().atOffset(ZoneOffset.UTC), p.createdBy())
			.update();
	}

	public boolean exists(OrgId vendor, String name, String productVersion) {
		return jdbc
			.sql("select count(*) from vendor_product where vendor_org_id = ? and name = ? and product_version = ?")
			.params(vendor.value(), name, productVersion)
			.query(Integer.class)
			.single() > 0;
	}

	public List<VendorProduct> ofVendor(OrgId vendor) {
		return jdbc.sql(COLUMNS + "where vendor_org_id = ? order by name, product_version")
			.param(vendor.value())
			.query(VendorProductRepository::product)
			.list();
	}

	public Optional<VendorProduct> find(OrgId vendor, UUID id) {
		return jdbc.sql(COLUMNS + "where vendor_org_id = ? and id = ?")
			.params(vendor.value(), id)
			.query(VendorProductRepository::product)
			.optional();
	}

	public List<VendorAnswer> answers(OrgId vendor, UUID product, String versionId) {
		return jdbc
			.sql("select item_id, answer, target_date, note from vendor_product_answer "
					+ "where vendor_org_id = ? and product_id = ? and version_id = ?")
			.params(vendor.value(), product, versionId)
			.query((rs, n) -> new VendorAnswer(rs.getString("item_id"), rs.getString("answer"),
					rs.getObject("target_date", LocalDate.class), rs.getString("note"), product, false))
			.list();
	}

	public void replaceAnswers(OrgId vendor, UUID product, String versionId, List<VendorAnswer> answers, Instant at,
			String by) {
		jdbc.sql("delete from vendor_product_answer where vendor_org_id = ? and product_id = ? and version_id = ?")
			.params(vendor.value(), product, versionId)
			.update();
		for (VendorAnswer a : answers) {
			jdbc.sql("insert into vendor_product_answer (product_id, vendor_org_id, version_id, item_id, answer, "
					+ "target_date, note, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(product, vendor.value(), versionId, a.itemId(), a.answer(), a.targetDate(), a.note(),
						at.atOffset(ZoneOffset.UTC), by)
				.update();
		}
	}

	private static VendorProduct product(ResultSet rs, int row) throws SQLException {
		OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
		return new VendorProduct(rs.getObject("id", UUID.class), new OrgId(rs.getObject("vendor_org_id", UUID.class)),
				rs.getString("name"), rs.getString("product_version"), rs.getString("description"), created.toInstant(),
				rs.getString("created_by"));
	}

}
