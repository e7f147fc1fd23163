package jp.mamori.reminder.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.UUID;

import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which task was mailed to which user on which day ({@code reminder_sent}); the key
 * (user, task, day) makes a second mail about the same task on the same day impossible
 * even if two runs raced.
 */
@Repository
public class SentReminderRepository {

	/** One task of one organisation, as mailed. */
	public record SentTask(OrgId org, UUID taskId) {
	}

	private final JdbcClient jdbc;

	SentReminderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the user was mailed anything on {@code day}. */
	public boolean anySent(UUID userId, LocalDate day) {
		return jdbc.sql("select count(*) from reminder_sent where user_id = ? and sent_on = ?")
			.params(userId, day)
			.query(Long.class)
			.single() > 0;
	}

	public void record(UUID userId, Collection<SentTask> tasks, LocalDate day, Instant at) {
		for (SentTask task : tasks) {
			jdbc.sql("insert into reminder_sent (user_id, task_id, org_id, sent_on, sent_at) values (?, ?, ?, ?, ?)")
				.params(userId, task.taskId(), task.org().value(), day, at.atOffset(ZoneOffset.UTC))
				.update();
		}
	}

	/**
	 * How many tasks of the organisation were mailed on {@code day} (for tests and
	 * support).
	 */
	public long countSent(OrgId org, LocalDate day) {
		return jdbc.sql("select count(*) from reminder_sent where org_id = ? and sent_on = ?")
			.params(org.value(), day)
			.query(Long.class)
			.single();
	}

}
