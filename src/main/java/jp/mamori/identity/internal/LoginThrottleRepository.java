package jp.mamori.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failure counters per user name and per address; shared by every node through the
 * database.
 */
@Repository
public class LoginThrottleRepository {

	public record Counter(String key, int failures, Instant lastFailure, Instant lockedUntil) {
	}

	private final JdbcClient jdbc;

	LoginThrottleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Counter> find(String key) {
		return jdbc
			.sql("select throttle_key, failures, last_failure, locked_until from login_throttle where throttle_key = ?")
			.param(key)
			.query((rs, n) -> new Counter(rs.getString(1), rs.getInt(2),
					rs.getObject(3, OffsetDateTime.class).toInstant(),
					rs.getObject(4, OffsetDateTime.class) == null ? null
							: rs.getObject(4, OffsetDateTime.class).toInstant()))
			.optional();
	}

	public void save(Counter counter) {
		int updated = jdbc
			.sql("update login_throttle set failures = ?, last_failure = ?, locked_until = ? where throttle_key = ?")
			.params(counter.failures(), utc(counter.lastFailure()), utc(counter.lockedUntil()), counter.key())
			.update();
		if (updated == 0) {
			jdbc.sql(
					"insert into login_throttle (throttle_key, failures, last_failure, locked_until) values (?, ?, ?, ?)")
				.params(counter.key(), counter.failures(), utc(counter.lastFailure()), utc(counter.lockedUntil()))
				.update();
		}
	}

	public void delete(String key) {
		jdbc.sql("delete from login_throttle where throttle_key = ?").param(key).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
