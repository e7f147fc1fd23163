package jp.mamori.backup.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jp.mamori.backup.BackupSettings;
import jp.mamori.backup.BackupStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row of {@code backup_schedule}. */
@Repository
public class BackupScheduleRepository {

	private final JdbcClient jdbc;

	BackupScheduleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public BackupSettings settings() {
		return jdbc
			.sql("select enabled, directory, daily_time, generations, passphrase_file, max_age_days"
					+ " from backup_schedule where id = 1")
			.query((rs, n) -> new BackupSettings(rs.getBoolean(1), rs.getString(2), LocalTime.parse(rs.getString(3)),
					rs.getInt(4), rs.getString(5), rs.getInt(6)))
			.single();
	}

	public void save(BackupSettings settings) {
		jdbc.sql("update backup_schedule set enabled = ?, directory = ?, daily_time = ?, generations = ?,"
				+ " passphrase_file = ?, max_age_days = ? where id = 1")
			.params(settings.enabled(), settings.directory(), settings.dailyTime().toString(), settings.generations(),
					settings.passphraseFile(), settings.maxAgeDays())
			.update();
	}

	public BackupStatus status() {
		return jdbc
			.sql("select last_attempt_at, last_success_at, last_ok, last_file, last_size, last_error"
					+ " from backup_schedule where id = 1")
			.query((rs, n) -> new BackupStatus(instant(rs.getObject(1, OffsetDateTime.class)),
					instant(rs.getObject(2, OffsetDateTime.class)), (Boolean) rs.getObject(3), rs.getString(4),
					rs.getObject(5) == null ? null : rs.getLong(5), rs.getString(6)))
			.single();
	}

	public void recordSuccess(Instant at, String file, long size) {
		jdbc.sql("update backup_schedule set last_attempt_at = ?, last_success_at = ?, last_ok = true,"
				+ " last_file = ?, last_size = ?, last_error = null where id = 1")
			.params(utc(at), utc(at), file, size)
			.update();
	}

	public void recordFailure(Instant at, String error) {
		String text = error == null ? "" : error;
		jdbc.sql("update backup_schedule set last_attempt_at = ?, last_ok = false, last_error = ? where id = 1")
			.params(utc(at), text.length() > 2000 ? text.substring(0, 2000) : text)
			.update();
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
