package jp.mamori.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.identity.Membership;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccount;
import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

	public record Credentials(UserAccount user, String passwordHash) {
	}

	public record TokenOwner(UUID tokenId, OrgId org, UserAccount user) {
	}

	private static final String USER_COLUMNS = "u.id, u.username, u.display_name, u.enabled, u.system_admin";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long count() {
		return jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	public Optional<Credentials> credentials(String username) {
		return jdbc.sql("select " + USER_COLUMNS + ", u.password_hash from app_user u where u.username = ?")
			.param(username)
			.query((rs, n) -> new Credentials(user(rs, n), rs.getString("password_hash")))
			.optional();
	}

	public Optional<UserAccount> findByUsername(String username) {
		return jdbc.sql("select " + USER_COLUMNS + " from app_user u where u.username = ?")
			.param(username)
			.query(UserRepository::user)
			.optional();
	}

	public void insert(UserAccount user, String passwordHash, Instant at) {
		jdbc.sql("insert into app_user (id, username, display_name, password_hash, enabled, system_admin, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(user.id(), user.username(), user.displayName(), passwordHash, user.enabled(), user.systemAdmin(),
					at.atOffset(ZoneOffset.UTC))
			.update();
	}

	public void insertMembership(Membership membership, Instant at) {
		jdbc.sql("insert into membership (org_id, user_id, role, created_at) values (?, ?, ?, ?)")
			.params(membership.org().value(), membership.userId(), membership.role().code(),
					at.atOffset(ZoneOffset.UTC))
			.update();
	}

	public Optional<OrgRole> role(String username, OrgId org) {
		return jdbc
			.sql("select m.role from membership m join app_user u on u.id = m.user_id "
					+ "where u.username = ? and m.org_id = ? and u.enabled = true")
			.params(username, org.value())
			.query((rs, n) -> OrgRole.require(rs.getString(1)))
			.optional();
	}

	public List<Membership> memberships(String username) {
		return jdbc
			.sql("select m.org_id, m.user_id, m.role from membership m join app_user u on u.id = m.user_id "
					+ "where u.username = ? order by m.created_at")
			.param(username)
			.query((rs, n) -> new Membership(new OrgId(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
					OrgRole.require(rs.getString(3))))
			.list();
	}

	public void insertToken(UUID id, OrgId org, UUID userId, String tokenHash, Instant at) {
		jdbc.sql("insert into api_token (id, org_id, user_id, token_hash, created_at) values (?, ?, ?, ?, ?)")
			.params(id, org.value(), userId, tokenHash, at.atOffset(ZoneOffset.UTC))
			.update();
	}

	public Optional<TokenOwner> tokenOwner(String tokenHash) {
		return jdbc
			.sql("select t.id as token_id, t.org_id, " + USER_COLUMNS + " from api_token t "
					+ "join app_user u on u.id = t.user_id where t.token_hash = ? and t.revoked = false")
			.param(tokenHash)
			.query((rs, n) -> new TokenOwner(rs.getObject("token_id", UUID.class),
					new OrgId(rs.getObject("org_id", UUID.class)), user(rs, n)))
			.optional();
	}

	public void touchToken(UUID tokenId, Instant at) {
		jdbc.sql("update api_token set last_used_at = ? where id = ?")
			.params(at.atOffset(ZoneOffset.UTC), tokenId)
			.update();
	}

	static UserAccount user(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				rs.getBoolean("enabled"), rs.getBoolean("system_admin"));
	}

}
