package jp.mamori.evaluation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.evaluation.RemediationTask;
import jp.mamori.evaluation.RemediationTaskComment;
import jp.mamori.evaluation.TaskStatus;
import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Remediation tasks and their comments; every statement is scoped by organisation. */
@Repository
public class RemediationTaskRepository {

	private static final String COLUMNS = "id, org_id, assessment_id, item_id, check_id, title, detail, owner, due_on, "
			+ "status, created_at, created_by, updated_at, updated_by, closed_at, version";

	private final JdbcClient jdbc;

	RemediationTaskRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(RemediationTask t) {
		jdbc.sql("insert into remediation_task (" + COLUMNS
				+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(t.id(), t.org().value(), t.assessmentId(), t.itemId(), t.checkId(), t.title(), t.detail(),
					t.owner(), t.dueOn(), t.status().code(), utc(t.createdAt()), t.createdBy(), utc(t.updatedAt()),
					t.updatedBy(), utc(t.closedAt()), t.version())
			.update();
	}

	public Optional<RemediationTask> find(OrgId org, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from remediation_task where org_id = ? and id = ?")
			.params(org.value(), id)
			.query(RemediationTaskRepository::task)
			.optional();
	}

	/** Every task of the organisation, or those with one status (null for all). */
	public List<RemediationTask> findAll(OrgId org, TaskStatus status) {
		if (status == null) {
			return jdbc.sql("select " + COLUMNS + " from remediation_task where org_id = ? order by created_at")
				.param(org.value())
				.query(RemediationTaskRepository::task)
				.list();
		}
		return jdbc
			.sql("select " + COLUMNS + " from remediation_task where org_id = ? and status = ? order by created_at")
			.params(org.value(), status.code())
			.query(RemediationTaskRepository::task)
			.list();
	}

	/** Tasks not yet done whose 期日 is {@code lastDay} or earlier, earliest first. */
	public List<RemediationTask> findOpenDueBy(OrgId org, LocalDate lastDay) {
		return jdbc
			.sql("select " + COLUMNS + " from remediation_task where org_id = ? and status <> 'done' "
					+ "and due_on is not null and due_on <= ? order by due_on, created_at")
			.params(org.value(), lastDay)
			.query(RemediationTaskRepository::task)
			.list();
	}

	/** A task not yet done for the same checklist item, if there is one. */
	public Optional<RemediationTask> findOpenForItem(OrgId org, UUID assessmentId, String itemId) {
		return jdbc
			.sql("select " + COLUMNS + " from remediation_task where org_id = ? and assessment_id = ? and item_id = ? "
					+ "and status <> 'done' order by created_at")
			.params(org.value(), assessmentId, itemId)
			.query(RemediationTaskRepository::task)
			.list()
			.stream()
			.findFirst();
	}

	/**
	 * Writes owner, 期日, status and closing time if the stored version is still
	 * {@code expectedVersion}; returns the number of rows changed (0 when stale or
	 * missing).
	 */
	public int update(OrgId org, UUID id, int expectedVersion, String owner, LocalDate dueOn, TaskStatus status,
			Instant closedAt, Instant at, String by) {
		return jdbc
			.sql("update remediation_task set owner = ?, due_on = ?, status = ?, closed_at = ?, updated_at = ?, "
					+ "updated_by = ?, version = version + 1 where org_id = ? and id = ? and version = ?")
			.params(owner, dueOn, status.code(), utc(closedAt), utc(at), by, org.value(), id, expectedVersion)
			.update();
	}

	public void insertComment(OrgId org, RemediationTaskComment c) {
		jdbc.sql("insert into remediation_task_comment (id, org_id, task_id, body, created_at, created_by) "
				+ "values (?, ?, ?, ?, ?, ?)")
			.params(c.id(), org.value(), c.taskId(), c.body(), utc(c.createdAt()), c.createdBy())
			.update();
	}

	public List<RemediationTaskComment> comments(OrgId org, UUID taskId) {
		return jdbc
			.sql("select id, task_id, body, created_at, created_by from remediation_task_comment "
					+ "where org_id = ? and task_id = ? order by created_at, id")
			.params(org.value(), taskId)
			.query((rs, n) -> new RemediationTaskComment(rs.getObject("id", UUID.class),
					rs.getObject("task_id", UUID.class), rs.getString("body"), instant(rs, "created_at"),
					rs.getString("created_by")))
			.list();
	}

	private static RemediationTask task(ResultSet rs, int row) throws SQLException {
		return new RemediationTask(rs.getObject("id", UUID.class), new OrgId(rs.getObject("org_id", UUID.class)),
				rs.getObject("assessment_id", UUID.class), rs.getString("item_id"), rs.getString("check_id"),
				rs.getString("title"), rs.getString("detail"), rs.getString("owner"),
				rs.getObject("due_on", LocalDate.class), TaskStatus.fromCode(rs.getString("status")).orElseThrow(),
				instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"),
				rs.getString("updated_by"), instant(rs, "closed_at"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
