package jp.mamori.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Background jobs (imports) written down as rows of {@code job_run}, so that a job cut
 * off by a crash ({@code kill -9}, power loss) is not shown as running for ever: when the
 * web server of a node starts, the jobs that node left running are marked failed with
 * {@link #INTERRUPTED}, and so are jobs of any node that has not reported progress for
 * {@link #STALE}. The job's data is written in its own transaction, which the crash
 * rolled back, so "failed" is the whole truth: nothing of it was stored.
 * <p>
 * Every change is written in a transaction of its own, so that it is visible at once to
 * pollers on other nodes and survives the rollback of the job's transaction.
 */
@Component
public class JobRuns {

	/** What a job cut off by a crash or restart says. */
	public static final String INTERRUPTED = "前回の処理は中断されました。もう一度取り込んでください。";

	/** A running job that has not reported for this long is taken as dead. */
	public static final Duration STALE = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(JobRuns.class);

	/** Where a job stands. */
	public enum State {

		RUNNING, SUCCEEDED, FAILED

	}

	/**
	 * One job.
	 *
	 * @param kind what it does, e.g. {@code ledger:devices} or {@code accesslog}
	 * @param subject what it works on (the file name)
	 * @param message the outcome for people (Japanese), or null
	 */
	public record Run(UUID id, OrgId org, String kind, String subject, State state, String message, long done,
			long total, String startedBy, Instant startedAt, Instant updatedAt, Instant finishedAt) {

		public boolean interrupted() {
			return state == State.FAILED && INTERRUPTED.equals(message);
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	private final String node;

	JobRuns(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions,
			@Value("${mamori.node-name:}") String nodeName) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.node = nodeName == null || nodeName.isBlank() ? hostName() : nodeName.strip();
	}

	/** This node's name as written to {@code job_run.node} (stable across restarts). */
	public String node() {
		return node;
	}

	/** Writes down a job that starts now. */
	public void begin(UUID id, OrgId org, String kind, String subject, String by) {
		OffsetDateTime now = now();
		ownTransaction.executeWithoutResult(status -> jdbc.sql(
				"insert into job_run (id, org_id, kind, subject, state, done, total, node, started_by, started_at, updated_at) "
						+ "values (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)")
			.params(id, org.value(), cut(kind, 100), cut(subject == null ? "" : subject, 300), State.RUNNING.name(),
					node, cut(by == null ? "" : by, 200), now, now)
			.update());
	}

	/** How far a running job is; also tells other nodes it is alive. */
	public void progress(UUID id, long done, long total) {
		ownTransaction.executeWithoutResult(
				status -> jdbc.sql("update job_run set done = ?, total = ?, updated_at = ? where id = ? and state = ?")
					.params(done, total, now(), id, State.RUNNING.name())
					.update());
	}

	/** The job finished; {@code summary} may be null. */
	public void succeeded(UUID id, String summary) {
		finish(id, State.SUCCEEDED, summary);
	}

	/** The job failed with a message for people. */
	public void failed(UUID id, String message) {
		finish(id, State.FAILED, message);
	}

	private void finish(UUID id, State state, String message) {
		OffsetDateTime now = now();
		ownTransaction.executeWithoutResult(status -> jdbc.sql(
				"update job_run set state = ?, message = ?, updated_at = ?, finished_at = ? where id = ? and state = ?")
			.params(state.name(), message == null ? null : cut(message, 2000), now, now, id, State.RUNNING.name())
			.update());
	}

	/** A job of this organisation. */
	public Optional<Run> find(OrgId org, UUID id) {
		return jdbc.sql("select * from job_run where org_id = ? and id = ?")
			.params(org.value(), id)
			.query(JobRuns::run)
			.optional();
	}

	/** This organisation's latest jobs, newest first. */
	public List<Run> recent(OrgId org, int limit) {
		return jdbc.sql("select * from job_run where org_id = ? order by started_at desc, id limit ?")
			.params(org.value(), limit)
			.query(JobRuns::run)
			.list();
	}

	/**
	 * Marks failed, with {@link #INTERRUPTED}, every job this node left running (it was
	 * cut off: this node has just started) and every job of any node silent for
	 * {@link #STALE}.
	 * @return how many jobs were marked
	 */
	public int markInterrupted() {
		OffsetDateTime now = now();
		Integer marked = ownTransaction.execute(status -> jdbc
			.sql("update job_run set state = ?, message = ?, updated_at = ?, finished_at = ? "
					+ "where state = ? and (node = ? or updated_at < ?)")
			.params(State.FAILED.name(), INTERRUPTED, now, now, State.RUNNING.name(), node, now.minus(STALE))
			.update());
		if (marked != null && marked > 0) {
			log.warn("{} job(s) left running by an earlier run of this node marked as interrupted", marked);
		}
		return marked == null ? 0 : marked;
	}

	// only when this process serves the web: a command-line run (mamori export …) on
	// the same host while the server runs must not fail the server's jobs
	@EventListener(WebServerInitializedEvent.class)
	void onServerStarted() {
		markInterrupted();
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static Run run(ResultSet rs, int n) throws SQLException {
		return new Run(rs.getObject("id", UUID.class), new OrgId(rs.getObject("org_id", UUID.class)),
				rs.getString("kind"), rs.getString("subject"), State.valueOf(rs.getString("state")),
				rs.getString("message"), rs.getLong("done"), rs.getLong("total"), rs.getString("started_by"),
				instant(rs, "started_at"), instant(rs, "updated_at"), instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
