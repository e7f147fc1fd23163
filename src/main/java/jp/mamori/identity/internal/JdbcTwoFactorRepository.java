package jp.mamori.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.identity.MemberTwoFactor;
import jp.mamori.identity.OrgRole;
import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcTwoFactorRepository implements TwoFactorRepository {

	private static final String USER_ID = "(select id from app_user where username = ?)";

	private final JdbcClient jdbc;

	JdbcTwoFactorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<StoredSecret> secret(String username) {
		return jdbc
			.sql("select s.secret, s.created_at, s.confirmed_at, s.last_used_step, s.failed_attempts, s.last_failed_at "
					+ "from two_factor_secret s join app_user u on u.id = s.user_id where u.username = ?")
			.param(username)
			.query((rs, n) -> new StoredSecret(rs.getString("secret"), instant(rs, "created_at"),
					instant(rs, "confirmed_at"), rs.getObject("last_used_step", Long.class),
					rs.getInt("failed_attempts"), instant(rs, "last_failed_at")))
			.optional();
	}

	@Override
	public void savePending(String username, String secret, Instant at) {
		delete(username);
		jdbc.sql("insert into two_factor_secret (user_id, secret, created_at) select id, ?, ? from app_user "
				+ "where username = ?")
			.params(secret, utc(at), username)
			.update();
	}

	@Override
	public boolean confirm(String username, long step, Instant at) {
		return jdbc
			.sql("update two_factor_secret set confirmed_at = ?, last_used_step = ? where user_id = " + USER_ID
					+ " and confirmed_at is null")
			.params(utc(at), step, username)
			.update() == 1;
	}

	@Override
	public boolean useStep(String username, long step) {
		return jdbc
			.sql("update two_factor_secret set last_used_step = ? where user_id = " + USER_ID
					+ " and confirmed_at is not null and (last_used_step is null or last_used_step < ?)")
			.params(step, username, step)
			.update() == 1;
	}

	@Override
	public void recordFailure(String username, Instant at) {
		jdbc.sql("update two_factor_secret set failed_attempts = failed_attempts + 1, last_failed_at = ? "
				+ "where user_id = " + USER_ID)
			.params(utc(at), username)
			.update();
	}

	@Override
	public void clearFailures(String username) {
		jdbc.sql("update two_factor_secret set failed_attempts = 0, last_failed_at = null where user_id = " + USER_ID
				+ " and failed_attempts > 0")
			.param(username)
			.update();
	}

	@Override
	public boolean delete(String username) {
		jdbc.sql("delete from two_factor_recovery_code where user_id = " + USER_ID).param(username).update();
		return jdbc.sql("delete from two_factor_secret where user_id = " + USER_ID).param(username).update() > 0;
	}

	@Override
	public void replaceRecoveryCodes(String username, List<String> hashes, Instant at) {
		jdbc.sql("delete from two_factor_recovery_code where user_id = " + USER_ID).param(username).update();
		for (String hash : hashes) {
			jdbc.sql("insert into two_factor_recovery_code (id, user_id, code_hash, created_at) "
					+ "select ?, id, ?, ? from app_user where username = ?")
				.params(UUID.randomUUID(), hash, utc(at), username)
				.update();
		}
	}

	@Override
	public boolean useRecoveryCode(String username, String hash, Instant at) {
		return jdbc
			.sql("update two_factor_recovery_code set used_at = ? where user_id = " + USER_ID
					+ " and code_hash = ? and used_at is null")
			.params(utc(at), username, hash)
			.update() > 0;
	}

	@Override
	public int unusedRecoveryCodes(String username) {
		return jdbc
			.sql("select count(*) from two_factor_recovery_code where user_id = " + USER_ID + " and used_at is null")
			.param(username)
			.query(Integer.class)
			.single();
	}

	@Override
	public List<OrgId> organizationsOf(String username) {
		return jdbc
			.sql("select m.org_id from membership m join app_user u on u.id = m.user_id where u.username = ? "
					+ "order by m.created_at")
			.param(username)
			.query((rs, n) -> new OrgId(rs.getObject(1, UUID.class)))
			.list();
	}

	@Override
	public boolean isMember(OrgId org, String username) {
		return jdbc
			.sql("select count(*) from membership m join app_user u on u.id = m.user_id "
					+ "where m.org_id = ? and u.username = ?")
			.params(org.value(), username)
			.query(Integer.class)
			.single() > 0;
	}

	@Override
	public boolean requiredFor(String username) {
		return jdbc
			.sql("select count(*) from organization_security s join membership m on m.org_id = s.org_id "
					+ "join app_user u on u.id = m.user_id where u.username = ? and s.require_two_factor = true")
			.param(username)
			.query(Integer.class)
			.single() > 0;
	}

	@Override
	public boolean requiredBy(OrgId org) {
		return jdbc.sql("select require_two_factor from organization_security where org_id = ?")
			.param(org.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	@Override
	public void setRequired(OrgId org, boolean required, String changedBy, Instant at) {
		int updated = jdbc
			.sql("update organization_security set require_two_factor = ?, changed_at = ?, changed_by = ? "
					+ "where org_id = ?")
			.params(required, utc(at), changedBy, org.value())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into organization_security (org_id, require_two_factor, changed_at, changed_by) "
					+ "values (?, ?, ?, ?)")
				.params(org.value(), required, utc(at), changedBy)
				.update();
		}
	}

	@Override
	public List<MemberTwoFactor> members(OrgId org) {
		return jdbc
			.sql("select u.username, u.display_name, m.role, s.confirmed_at from membership m "
					+ "join app_user u on u.id = m.user_id left join two_factor_secret s on s.user_id = u.id "
					+ "where m.org_id = ? order by u.display_name, u.username")
			.param(org.value())
			.query((rs, n) -> new MemberTwoFactor(rs.getString("username"), rs.getString("display_name"),
					OrgRole.require(rs.getString("role")), rs.getObject("confirmed_at") != null))
			.list();
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
