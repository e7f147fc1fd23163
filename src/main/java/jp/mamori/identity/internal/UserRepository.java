package jp.mamori.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.identity.MailSettings;
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

	public record TokenOwner(UUID tokenId, OrgId org, UserAccount user, OrgRole role, Instant expiresAt) {
	}

	/** A member of an organisation, with where their mail goes. */
	public record MemberRow(UserAccount user, OrgRole role, MailSettings mail) {
	}

	/** An API token as listed (never its secret). */
	public record TokenRow(UUID id, String username, OrgRole role, String label, Instant createdAt, Instant lastUsedAt,
			Instant expiresAt, Instant revokedAt) {
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

	public void insertToken(UUID id, OrgId org, UUID userId, String tokenHash, OrgRole role, String label,
			Instant expiresAt, Instant at) {
		jdbc.sql("insert into api_token (id, org_id, user_id, token_hash, role, label, expires_at, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, org.value(), userId, tokenHash, role.code(), label, utc(expiresAt), utc(at))
			.update();
	}

	public Optional<TokenOwner> tokenOwner(String tokenHash) {
		return jdbc
			.sql("select t.id as token_id, t.org_id, t.role as token_role, t.expires_at, " + USER_COLUMNS
					+ " from api_token t join app_user u on u.id = t.user_id "
					+ "where t.token_hash = ? and t.revoked = false and t.revoked_at is null")
			.param(tokenHash)
			.query((rs, n) -> new TokenOwner(rs.getObject("token_id", UUID.class),
					new OrgId(rs.getObject("org_id", UUID.class)), user(rs, n),
					rs.getString("token_role") == null ? null : OrgRole.require(rs.getString("token_role")),
					instant(rs, "expires_at")))
			.optional();
	}

	public List<TokenRow> tokens(OrgId org) {
		return jdbc
			.sql("select t.id, u.username, t.role, t.label, t.created_at, t.last_used_at, t.expires_at, "
					+ "t.revoked_at from api_token t join app_user u on u.id = t.user_id where t.org_id = ? "
					+ "order by t.created_at desc")
			.param(org.value())
			.query((rs, n) -> new TokenRow(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("role") == null ? null : OrgRole.require(rs.getString("role")), rs.getString("label"),
					instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "expires_at"),
					instant(rs, "revoked_at")))
			.list();
	}

	public int revokeToken(OrgId org, UUID id, Instant at) {
		return jdbc.sql("update api_token set revoked_at = ? where org_id = ? and id = ? and revoked_at is null")
			.params(utc(at), org.value(), id)
			.update();
	}

	public void insertPasswordHistory(UUID userId, String passwordHash, Instant at) {
		jdbc.sql("insert into password_history (user_id, password_hash, changed_at) values (?, ?, ?)")
			.params(userId, passwordHash, utc(at))
			.update();
	}

	public List<String> recentPasswordHashes(UUID userId, int limit) {
		return jdbc
			.sql("select password_hash from password_history where user_id = ? order by changed_at desc, seq desc "
					+ "fetch first ? rows only")
			.params(userId, limit)
			.query(String.class)
			.list();
	}

	public void updatePassword(UUID userId, String passwordHash, Instant at) {
		jdbc.sql("update app_user set password_hash = ?, password_changed_at = ? where id = ?")
			.params(passwordHash, utc(at), userId)
			.update();
	}

	public void setEnabled(UUID userId, boolean enabled) {
		jdbc.sql("update app_user set enabled = ? where id = ?").params(enabled, userId).update();
	}

	public List<MemberRow> members(OrgId org) {
		return jdbc
			.sql("select " + USER_COLUMNS + ", m.role, u.email, u.reminder_mail from membership m "
					+ "join app_user u on u.id = m.user_id where m.org_id = ? order by u.username")
			.param(org.value())
			.query((rs, n) -> new MemberRow(user(rs, n), OrgRole.require(rs.getString("role")), mail(rs)))
			.list();
	}

	public Optional<MailSettings> mailSettings(String username) {
		return jdbc.sql("select u.email, u.reminder_mail from app_user u where u.username = ?")
			.param(username)
			.query((rs, n) -> mail(rs))
			.optional();
	}

	public int updateMailSettings(UUID userId, MailSettings mail) {
		return jdbc.sql("update app_user set email = ?, reminder_mail = ? where id = ?")
			.params(mail.email(), mail.reminders(), userId)
			.update();
	}

	private static MailSettings mail(ResultSet rs) throws SQLException {
		return new MailSettings(rs.getString("email"), rs.getBoolean("reminder_mail"));
	}

	public int updateRole(OrgId org, UUID userId, OrgRole role) {
		return jdbc.sql("update membership set role = ? where org_id = ? and user_id = ?")
			.params(role.code(), org.value(), userId)
			.update();
	}

	public int deleteMembership(OrgId org, UUID userId) {
		return jdbc.sql("delete from membership where org_id = ? and user_id = ?").params(org.value(), userId).update();
	}

	public long countEnabledAdmins(OrgId org) {
		return jdbc
			.sql("select count(*) from membership m join app_user u on u.id = m.user_id "
					+ "where m.org_id = ? and m.role = 'admin' and u.enabled = true")
			.param(org.value())
			.query(Long.class)
			.single();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
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
