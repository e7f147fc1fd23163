package jp.mamori.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.VendorContract;
import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrganizationRepository {

	private final JdbcClient jdbc;

	OrganizationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Organization org) {
		jdbc.sql("insert into organization (id, name, kind, created_at) values (?, ?, ?, ?)")
			.params(org.id().value(), org.name(), org.kind().code(), org.createdAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	public Optional<Organization> find(OrgId id) {
		return jdbc.sql("select id, name, kind, created_at from organization where id = ?")
			.param(id.value())
			.query(OrganizationRepository::organization)
			.optional();
	}

	public List<Organization> findByName(String name) {
		return jdbc.sql("select id, name, kind, created_at from organization where name = ?")
			.param(name)
			.query(OrganizationRepository::organization)
			.list();
	}

	public List<Organization> findAll() {
		return jdbc.sql("select id, name, kind, created_at from organization order by name")
			.query(OrganizationRepository::organization)
			.list();
	}

	/**
	 * The organisations among {@code ids} that exist, in no particular order (one query
	 * per 500 ids).
	 */
	public List<Organization> findAll(java.util.Collection<OrgId> ids) {
		List<UUID> all = ids.stream().map(OrgId::value).distinct().toList();
		List<Organization> found = new java.util.ArrayList<>(all.size());
		for (int from = 0; from < all.size(); from += 500) {
			found.addAll(jdbc.sql("select id, name, kind, created_at from organization where id in (:ids)")
				.param("ids", all.subList(from, Math.min(all.size(), from + 500)))
				.query(OrganizationRepository::organization)
				.list());
		}
		return found;
	}

	public long count() {
		return jdbc.sql("select count(*) from organization").query(Long.class).single();
	}

	public List<VendorContract> contracts(OrgId org) {
		return jdbc
			.sql("select id, org_id, vendor_name, system_name, created_at from vendor_contract "
					+ "where org_id = ? order by created_at, vendor_name")
			.param(org.value())
			.query(OrganizationRepository::contract)
			.list();
	}

	public Optional<VendorContract> contract(OrgId org, UUID id) {
		return jdbc
			.sql("select id, org_id, vendor_name, system_name, created_at from vendor_contract "
					+ "where org_id = ? and id = ?")
			.params(org.value(), id)
			.query(OrganizationRepository::contract)
			.optional();
	}

	public long countContracts(OrgId org) {
		return jdbc.sql("select count(*) from vendor_contract where org_id = ?")
			.param(org.value())
			.query(Long.class)
			.single();
	}

	public void insertContract(VendorContract c) {
		jdbc.sql(
				"insert into vendor_contract (id, org_id, vendor_name, system_name, created_at) values (?, ?, ?, ?, ?)")
			.params(c.id(), c.org().value(), c.vendorName(), c.systemName(), c.createdAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	public void deleteContract(OrgId org, UUID id) {
		jdbc.sql("delete from vendor_contract where org_id = ? and id = ?").params(org.value(), id).update();
	}

	private static Organization organization(ResultSet rs, int row) throws SQLException {
		return new Organization(new OrgId(rs.getObject("id", UUID.class)), rs.getString("name"),
				OrgKind.require(rs.getString("kind")), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static VendorContract contract(ResultSet rs, int row) throws SQLException {
		return new VendorContract(rs.getObject("id", UUID.class), new OrgId(rs.getObject("org_id", UUID.class)),
				rs.getString("vendor_name"), rs.getString("system_name"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
