package jp.mamori.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jp.mamori.organization.DetailConsent;
import jp.mamori.organization.GroupMember;
import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code org_group_member}; every query names the group or the member. */
@Repository
public class GroupRepository {

	private static final String COLUMNS = "select group_id, member_id, status, consent, requested_at, requested_by, since "
			+ "from org_group_member ";

	private final JdbcClient jdbc;

	GroupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(GroupMember m) {
		jdbc.sql("insert into org_group_member (group_id, member_id, status, consent, requested_at, requested_by, "
				+ "since, accepted_by) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(m.group().value(), m.member().value(), m.accepted() ? "accepted" : "pending", m.consent().code(),
					utc(m.requestedAt()), m.requestedBy(), utc(m.since()), m.accepted() ? m.requestedBy() : null)
			.update();
	}

	public Optional<GroupMember> find(OrgId group, OrgId member) {
		return jdbc.sql(COLUMNS + "where group_id = ? and member_id = ?")
			.params(group.value(), member.value())
			.query(GroupRepository::member)
			.optional();
	}

	public List<GroupMember> ofGroup(OrgId group) {
		return jdbc.sql(COLUMNS + "where group_id = ? order by requested_at")
			.param(group.value())
			.query(GroupRepository::member)
			.list();
	}

	public List<GroupMember> ofMember(OrgId member) {
		return jdbc.sql(COLUMNS + "where member_id = ? order by requested_at")
			.param(member.value())
			.query(GroupRepository::member)
			.list();
	}

	public void accept(OrgId group, OrgId member, DetailConsent consent, Instant at, String by) {
		jdbc.sql("update org_group_member set status = 'accepted', consent = ?, since = ?, accepted_by = ?, "
				+ "version = version + 1 where group_id = ? and member_id = ? and status = 'pending'")
			.params(consent.code(), utc(at), by, group.value(), member.value())
			.update();
	}

	public void consent(OrgId group, OrgId member, DetailConsent consent) {
		jdbc.sql("update org_group_member set consent = ?, version = version + 1 where group_id = ? and member_id = ?")
			.params(consent.code(), group.value(), member.value())
			.update();
	}

	public void delete(OrgId group, OrgId member) {
		jdbc.sql("delete from org_group_member where group_id = ? and member_id = ?")
			.params(group.value(), member.value())
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static GroupMember member(ResultSet rs, int row) throws SQLException {
		OffsetDateTime since = rs.getObject("since", OffsetDateTime.class);
		return new GroupMember(new OrgId(rs.getObject("group_id", java.util.UUID.class)),
				new OrgId(rs.getObject("member_id", java.util.UUID.class)), "accepted".equals(rs.getString("status")),
				DetailConsent.require(rs.getString("consent")),
				rs.getObject("requested_at", OffsetDateTime.class).toInstant(), rs.getString("requested_by"),
				since == null ? null : since.toInstant());
	}

}
