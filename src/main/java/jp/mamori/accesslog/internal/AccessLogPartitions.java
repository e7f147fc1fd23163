package jp.mamori.accesslog.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly partitions of {@code accesslog_event} on PostgreSQL (issue 9 item 4). The
 * table is {@code PARTITION BY RANGE (occurred_at)}, one partition per month in Japan
 * ({@code accesslog_event_p202611} holds 2026-11-01 00:00 JST up to 2026-12-01 00:00
 * JST), plus {@code accesslog_event_default} as a safety net for rows of a month whose
 * partition is missing. An import makes the months of a batch exist before it writes (see
 * {@link #ensureMonths}); retention drops whole partitions ({@link #dropBefore}).
 * <p>
 * On H2 (the single-node default) the table stays one plain table: every method here
 * knows that and the retention job deletes rows by time instead.
 * <p>
 * PostgreSQL's declarative partitioning needs the partition key in every unique index, so
 * the idempotence constraint is {@code (org_id, fingerprint, occurred_at)} there. That is
 * as strict as {@code (org_id, fingerprint)}: the fingerprint is computed over the
 * event's time among other things, so one record always has one time and two rows with
 * the same fingerprint cannot differ in it.
 */
@Component
public class AccessLogPartitions {

	/** Partitions follow months in Japan, as people read "the events of November". */
	public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");

	private static final Pattern PARTITION = Pattern.compile("accesslog_event_p(\\d{6})");

	/** The table name of the safety-net partition. */
	public static final String DEFAULT_PARTITION = "accesslog_event_default";

	private final JdbcClient jdbc;

	private final boolean postgres;

	/**
	 * Creating a partition takes a strong lock on the parent table: it happens in a short
	 * transaction of its own, not inside an import's long one (which would make every
	 * reader of the event table wait until the import ends).
	 */
	private final TransactionTemplate ownTransaction;

	/**
	 * Months known to exist, so that a batch normally costs no query. Another node may
	 * drop an old month meanwhile (retention); rows written to it afterwards land in the
	 * default partition, which retention cleans as well.
	 */
	private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

	AccessLogPartitions(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.postgres = isPostgres(dataSource);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Whether the event table is partitioned (PostgreSQL). */
	public boolean partitioned() {
		return postgres;
	}

	/** The partition that holds a month's events. */
	public static String partitionName(YearMonth month) {
		return "accesslog_event_p" + month.format(SUFFIX);
	}

	/** The month (in Japan) an instant falls in. */
	public static YearMonth monthOf(Instant time) {
		return YearMonth.from(time.atZone(JAPAN));
	}

	/** The first instant of a month in Japan. */
	public static Instant start(YearMonth month) {
		return month.atDay(1).atStartOfDay(JAPAN).toInstant();
	}

	/**
	 * Makes sure the partitions of these times exist (PostgreSQL; nothing on H2). Safe
	 * when two nodes import into the same new month at once: the creation is serialised
	 * by an advisory lock and repeated creation is a no-op.
	 */
	public void ensureMonths(Collection<Instant> times) {
		if (!postgres) {
			return;
		}
		Set<YearMonth> months = new TreeSet<>();
		for (Instant time : times) {
			YearMonth month = monthOf(time);
			if (!known.contains(month)) {
				months.add(month);
			}
		}
		for (YearMonth month : months) {
			ownTransaction.executeWithoutResult(status -> jdbc.sql(createSql(month)).update());
			known.add(month);
		}
	}

	/**
	 * The statement that creates a month's partition unless it exists. One {@code DO}
	 * block, so that the check, the creation and the rescue of rows that went to the
	 * default partition meanwhile happen under one advisory lock (two nodes importing
	 * into a new month at once). The partition is made as a plain table and then
	 * attached: {@code ATTACH PARTITION} takes only a SHARE UPDATE EXCLUSIVE lock on the
	 * event table, which does not wait for imports writing into it — {@code CREATE TABLE
	 * … PARTITION OF} would need an exclusive lock and wait for the very import (still
	 * open, on another connection of the same thread) that asked for the month. Rows of
	 * the month found in the default partition are moved in before attaching, where they
	 * would otherwise make the attach fail.
	 */
	static String createSql(YearMonth month) {
		String name = partitionName(month);
		String from = OffsetDateTime.ofInstant(start(month), JAPAN).toString();
		String to = OffsetDateTime.ofInstant(start(month.plusMonths(1)), JAPAN).toString();
		return """
				do $$
				begin
				  perform pg_advisory_xact_lock(hashtext('accesslog_event partitions'));
				  if to_regclass('%1$s') is not null then
				    return;
				  end if;
				  create table %1$s (like accesslog_event including defaults including constraints);
				  if exists (select 1 from %4$s where occurred_at >= '%2$s' and occurred_at < '%3$s') then
				    with moved as (delete from %4$s where occurred_at >= '%2$s' and occurred_at < '%3$s' returning *)
				      insert into %1$s select * from moved;
				  end if;
				  alter table accesslog_event attach partition %1$s for values from ('%2$s') to ('%3$s');
				end $$""".formatted(name, from, to, DEFAULT_PARTITION);
	}

	/** The months that have a partition, oldest first (empty on H2). */
	public List<YearMonth> months() {
		if (!postgres) {
			return List.of();
		}
		List<YearMonth> months = new ArrayList<>();
		for (String name : jdbc
			.sql("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
					+ "where i.inhparent = 'accesslog_event'::regclass order by c.relname")
			.query(String.class)
			.list()) {
			Matcher m = PARTITION.matcher(name);
			if (m.matches()) {
				months.add(YearMonth.parse(m.group(1), SUFFIX));
			}
		}
		return months;
	}

	/**
	 * Removes the events before a month: on PostgreSQL by dropping the whole partitions
	 * of earlier months (no row-by-row delete, no bloat, no vacuum) and deleting what the
	 * default partition holds of that time; on H2 by deleting rows by time.
	 * @return the partitions dropped and the rows deleted
	 */
	public Purged dropBefore(YearMonth keepFrom) {
		Instant cutoff = start(keepFrom);
		if (!postgres) {
			int rows = jdbc.sql("delete from accesslog_event where occurred_at < ?")
				.param(OffsetDateTime.ofInstant(cutoff, JAPAN))
				.update();
			return new Purged(List.of(), rows);
		}
		List<YearMonth> dropped = new ArrayList<>();
		for (YearMonth month : months()) {
			if (month.isBefore(keepFrom)) {
				// one short transaction per partition: DROP takes an exclusive lock on
				// the parent table, held only for that moment
				ownTransaction
					.executeWithoutResult(status -> jdbc.sql("drop table if exists " + partitionName(month)).update());
				known.remove(month);
				dropped.add(month);
			}
		}
		Integer rows = ownTransaction
			.execute(status -> jdbc.sql("delete from " + DEFAULT_PARTITION + " where occurred_at < ?")
				.param(OffsetDateTime.ofInstant(cutoff, JAPAN))
				.update());
		return new Purged(dropped, rows == null ? 0 : rows);
	}

	/** What a purge removed. */
	public record Purged(List<YearMonth> partitions, int rows) {
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * Turns the plain event table into the partitioned one, keeping every row (the
	 * PostgreSQL part of {@code AccessLogPartitioning}). The partitioned table has no
	 * foreign keys to {@code organization} and {@code accesslog_import}: on a partitioned
	 * table each new partition would clone them, which locks the referenced tables
	 * against the import that is writing its {@code accesslog_import} row in the same
	 * moment (a deadlock between the import and the partition it asked for). The only
	 * writer, {@link AccessLogEventRepository}, stores the import row first in the same
	 * transaction, and organisations are never deleted.
	 */
	static void partition(Connection connection) throws SQLException {
		String columns = "id, " + PostgresEventCopy.COLUMNS;
		try (Statement s = connection.createStatement()) {
			// the old table and everything named after it step aside
			s.execute("alter table accesslog_event rename to accesslog_event_unpartitioned");
			s.execute("alter table accesslog_event_unpartitioned rename constraint accesslog_event_pkey "
					+ "to accesslog_event_unpartitioned_pkey");
			s.execute("alter table accesslog_event_unpartitioned rename constraint accesslog_event_fingerprint_uq "
					+ "to accesslog_event_unpartitioned_fingerprint_uq");
			s.execute("alter index accesslog_event_time_idx rename to accesslog_event_unpartitioned_time_idx");
			s.execute("alter sequence accesslog_event_id_seq rename to accesslog_event_unpartitioned_id_seq");
			s.execute("""
					create table accesslog_event (
					    id             bigint generated by default as identity,
					    org_id         uuid not null,
					    source_id      uuid,
					    import_id      uuid not null,
					    fingerprint    uuid not null,
					    occurred_at    timestamp with time zone not null,
					    occurred_on    date not null,
					    host           varchar(255),
					    channel        varchar(255),
					    event_id       varchar(40),
					    kind           varchar(30) not null,
					    outcome        varchar(10) not null,
					    access         varchar(20) not null,
					    user_name      varchar(255),
					    account        varchar(255),
					    subject_user   varchar(255),
					    source_address varchar(100),
					    target         varchar(1000),
					    logon_type     integer,
					    process        varchar(500),
					    status         varchar(500),
					    record_number  bigint not null,
					    data           varchar(8000),
					    constraint accesslog_event_pkey primary key (id, occurred_at),
					    constraint accesslog_event_fingerprint_uq unique (org_id, fingerprint, occurred_at)
					) partition by range (occurred_at)""");
			s.execute("create index accesslog_event_time_idx on accesslog_event (org_id, occurred_at)");
			s.execute("create table " + DEFAULT_PARTITION + " partition of accesslog_event default");
			List<YearMonth> months = new ArrayList<>();
			try (var rs = s.executeQuery("select distinct to_char(occurred_at at time zone 'Asia/Tokyo', 'YYYYMM') "
					+ "from accesslog_event_unpartitioned")) {
				while (rs.next()) {
					months.add(YearMonth.parse(rs.getString(1), SUFFIX));
				}
			}
			for (YearMonth month : months) {
				s.execute(createSql(month));
			}
			s.execute("insert into accesslog_event (" + columns + ") overriding system value select " + columns
					+ " from accesslog_event_unpartitioned");
			s.execute("select setval(pg_get_serial_sequence('accesslog_event', 'id'), "
					+ "coalesce((select max(id) from accesslog_event), 0) + 1, false)");
			s.execute("drop table accesslog_event_unpartitioned");
		}
	}

}
