package jp.mamori.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.identity.Invitations.Invitation;
import jp.mamori.identity.OrgRole;
import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InvitationRepository {

	private static final String COLUMNS = "id, org_id, role, created_by, created_at, expires_at, accepted_at, accepted_by, revoked";

	private final JdbcClient jdbc;

	InvitationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Invitation i, String tokenHash) {
		jdbc.sql("insert into invitation (id, org_id, token_hash, role, created_by, created_at, expires_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(i.id(), i.org().value(), tokenHash, i.role().code(), i.createdBy(), utc(i.createdAt()),
					utc(i.expiresAt()))
			.update();
	}

	/**
	 * Looked up by the hash of the link's token: the only look-up not scoped by
	 * organisation.
	 */
	public Optional<Invitation> findByTokenHash(String tokenHash) {
		return jdbc.sql("select " + COLUMNS + " from invitation where token_hash = ?")
			.param(tokenHash)
			.query(InvitationRepository::invitation)
			.optional();
	}

	public List<Invitation> findAll(OrgId org) {
		return jdbc.sql("select " + COLUMNS + " from invitation where org_id = ? order by created_at desc")
			.param(org.value())
			.query(InvitationRepository::invitation)
			.list();
	}

	public int revoke(OrgId org, UUID id) {
		return jdbc.sql("update invitation set revoked = true where org_id = ? and id = ? and accepted_at is null")
			.params(org.value(), id)
			.update();
	}

	public int markAccepted(UUID id, Instant at, String username) {
		return jdbc
			.sql("update invitation set accepted_at = ?, accepted_by = ? where id = ? and accepted_at is null "
					+ "and revoked = false")
			.params(utc(at), username, id)
			.update();
	}

	private static Invitation invitation(ResultSet rs, int row) throws SQLException {
		return new Invitation(rs.getObject("id", UUID.class), new OrgId(rs.getObject("org_id", UUID.class)),
				OrgRole.require(rs.getString("role")), rs.getString("created_by"), instant(rs, "created_at"),
				instant(rs, "expires_at"), instant(rs, "accepted_at"), rs.getString("accepted_by"),
				rs.getBoolean("revoked"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
