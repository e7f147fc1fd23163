package jp.mamori.accesslog.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.OrgId;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostgreSQL's fast path for events. A batch is {@code COPY}ed straight into
 * {@code accesslog_event}, which routes the rows to their month's partition, inside a
 * savepoint; only when the unique fingerprint index refuses it (some of its records are
 * stored already) is it copied into a temporary table and the new rows moved with one
 * {@code INSERT … SELECT … ON CONFLICT DO NOTHING}. Runs on the transaction's own
 * connection (a savepoint needs one), so a failed import still rolls back everything.
 * ADR-less choice recorded here: batched INSERTs reach about a third of COPY's speed on
 * PostgreSQL and the temporary table alone 0.42; the direct COPY 0.48–0.50
 * (docs/benchmarks.md). A probe of the stored fingerprints before the COPY was tried and
 * dropped: PostgreSQL answered it from the time index and the import fell to 0.16.
 */
public final class PostgresEventCopy {

	/** The columns a COPY writes, in order. */
	public static final String COLUMNS = "org_id, source_id, import_id, fingerprint, occurred_at, host, channel, "
			+ "event_id, kind, outcome, access, user_name, account, subject_user, source_address, target, logon_type, "
			+ "process, status, record_number, data, occurred_on";

	/** PostgreSQL's SQLSTATE for a unique index refusing a row. */
	private static final String UNIQUE_VIOLATION = "23505";

	private static final java.time.ZoneId JAPAN = java.time.ZoneId.of("Asia/Tokyo");

	private final DataSource dataSource;

	PostgresEventCopy(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	int insert(OrgId org, UUID sourceId, UUID importId, List<LogEvent> events, Function<LogEvent, String> data) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			// each record once (same fingerprint and time), its fingerprint computed once
			Set<String> seen = new HashSet<>(events.size() * 2);
			List<LogEvent> unique = new ArrayList<>(events.size());
			List<String> fingerprints = new ArrayList<>(events.size());
			for (LogEvent e : events) {
				String fingerprint = StoredEvents.fingerprint(e);
				if (seen.add(fingerprint + "|" + e.time())) {
					unique.add(e);
					fingerprints.add(fingerprint);
				}
			}
			String rows = csv(org, sourceId, importId, unique, fingerprints, data);
			// Optimistic: straight into the partitions, as for a new file. When one of
			// the records is stored already (the file imported again, overlapping
			// exports, a concurrent import of the same records), the unique index
			// refuses the COPY and the batch goes the careful way from the savepoint.
			Savepoint before = connection.setSavepoint();
			try {
				long copied = copy(connection, "accesslog_event", rows);
				connection.releaseSavepoint(before);
				return Math.toIntExact(copied);
			}
			catch (SQLException ex) {
				if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
					throw ex;
				}
				connection.rollback(before);
			}
			return throughLoadTable(connection, rows);
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("ログの書き込みに失敗しました: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * COPY into a temporary table, then move the rows whose fingerprint is new with one
	 * {@code INSERT … SELECT … ON CONFLICT DO NOTHING}: for a batch some of whose records
	 * are stored already (a log imported again, overlapping exports).
	 */
	private static int throughLoadTable(Connection connection, String rows) throws SQLException, IOException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temporary table if not exists accesslog_event_load (org_id uuid, source_id uuid, "
					+ "import_id uuid, fingerprint uuid, occurred_at timestamp with time zone, host varchar(255), "
					+ "channel varchar(255), event_id varchar(40), kind varchar(30), outcome varchar(10), "
					+ "access varchar(20), user_name varchar(255), account varchar(255), subject_user varchar(255), "
					+ "source_address varchar(100), target varchar(1000), logon_type integer, process varchar(500), "
					+ "status varchar(500), record_number bigint, data varchar(8000), occurred_on date) "
					+ "on commit drop");
			statement.execute("truncate accesslog_event_load");
			copy(connection, "accesslog_event_load", rows);
			return statement.executeUpdate("insert into accesslog_event (" + COLUMNS + ") select " + COLUMNS
					+ " from accesslog_event_load on conflict do nothing");
		}
	}

	private static long copy(Connection connection, String table, String rows) throws SQLException, IOException {
		return connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy " + table + " (" + COLUMNS + ") from stdin (format csv)", new StringReader(rows));
	}

	/** The rows as COPY takes them (CSV, NULL as an unquoted empty field). */
	public static String csv(OrgId org, UUID sourceId, UUID importId, List<LogEvent> events,
			Function<LogEvent, String> data) {
		return csv(org, sourceId, importId, events, events.stream().map(StoredEvents::fingerprint).toList(), data);
	}

	private static String csv(OrgId org, UUID sourceId, UUID importId, List<LogEvent> events, List<String> fingerprints,
			Function<LogEvent, String> data) {
		StringWriter out = new StringWriter(events.size() * 300);
		// COPY's CSV: NULL is an unquoted empty field, so every present value is quoted
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setQuoteMode(QuoteMode.NON_NUMERIC)
					.setNullString("")
					.setRecordSeparator('\n')
					.get())) {
			for (int i = 0; i < events.size(); i++) {
				LogEvent e = events.get(i);
				printer.printRecord(org.value(), sourceId, importId, fingerprints.get(i),
						OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC), e.host(), e.channel(), e.eventId(),
						e.kind().name(), e.outcome().name(), e.access().name(), e.user(),
						StoredEvents.cut(e.account(), 255), e.subjectUser(), e.sourceAddress(), e.target(),
						e.logonType(), e.process(), e.status(), e.recordNumber(), data.apply(e),
						e.time().atZone(JAPAN).toLocalDate());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

}
