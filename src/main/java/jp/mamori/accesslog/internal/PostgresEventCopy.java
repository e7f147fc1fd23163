package jp.mamori.accesslog.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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
 * PostgreSQL's fast path for events: {@code COPY} a batch into a temporary table, then
 * move the rows whose fingerprint is new with one {@code INSERT … SELECT … ON CONFLICT DO
 * NOTHING}. Runs on the transaction's own connection, so a failed import still rolls back
 * everything. ADR-less choice recorded here: batched INSERTs reach about a third of
 * COPY's speed on PostgreSQL; this keeps the duplicate check while writing at COPY speed.
 */
public final class PostgresEventCopy {

	/** The columns a COPY writes, in order. */
	public static final String COLUMNS = "org_id, source_id, import_id, fingerprint, occurred_at, host, channel, "
			+ "event_id, kind, outcome, access, user_name, account, subject_user, source_address, target, logon_type, "
			+ "process, status, record_number, data, occurred_on";

	private static final java.time.ZoneId JAPAN = java.time.ZoneId.of("Asia/Tokyo");

	private final DataSource dataSource;

	PostgresEventCopy(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	int insert(OrgId org, UUID sourceId, UUID importId, List<LogEvent> events, Function<LogEvent, String> data) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temporary table if not exists accesslog_event_load (org_id uuid, source_id uuid, "
					+ "import_id uuid, fingerprint uuid, occurred_at timestamp with time zone, host varchar(255), "
					+ "channel varchar(255), event_id varchar(40), kind varchar(30), outcome varchar(10), "
					+ "access varchar(20), user_name varchar(255), account varchar(255), subject_user varchar(255), "
					+ "source_address varchar(100), target varchar(1000), logon_type integer, process varchar(500), "
					+ "status varchar(500), record_number bigint, data varchar(8000), occurred_on date) "
					+ "on commit drop");
			statement.execute("truncate accesslog_event_load");
			PGConnection pg = connection.unwrap(PGConnection.class);
			pg.getCopyAPI()
				.copyIn("copy accesslog_event_load (" + COLUMNS + ") from stdin (format csv)",
						new StringReader(csv(org, sourceId, importId, events, data)));
			// the same fingerprint twice in one batch needs no sort: with DO NOTHING the
			// second
			// row simply conflicts with the first one this statement inserted
			return statement.executeUpdate("insert into accesslog_event (" + COLUMNS + ") select " + COLUMNS
					+ " from accesslog_event_load on conflict do nothing");
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("ログの書き込みに失敗しました: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** The rows as COPY takes them (CSV, NULL as an unquoted empty field). */
	public static String csv(OrgId org, UUID sourceId, UUID importId, List<LogEvent> events,
			Function<LogEvent, String> data) {
		StringWriter out = new StringWriter(events.size() * 300);
		// COPY's CSV: NULL is an unquoted empty field, so every present value is quoted
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder()
					.setQuoteMode(QuoteMode.NON_NUMERIC)
					.setNullString("")
					.setRecordSeparator('\n')
					.get())) {
			for (LogEvent e : events) {
				printer.printRecord(org.value(), sourceId, importId, StoredEvents.fingerprint(e),
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
