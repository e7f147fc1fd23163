package jp.mamori.accesslog.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * PostgreSQL's fast path for events: per batch, one index probe finds the fingerprints
 * already stored, and the new rows go in with {@code COPY} straight into the table. Runs
 * on the transaction's own connection, so a failed import still rolls back everything,
 * and rows COPied earlier in the same import are seen by the next probe. Two imports of
 * the same file at the same moment: the second fails on the unique fingerprint and stores
 * nothing (reported), never a duplicate. Batched INSERTs … ON CONFLICT reached about a
 * third of COPY's speed on PostgreSQL (docs/benchmarks.md).
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
		try {
			// leave out what is already stored (one index probe for the whole batch) and
			// what
			// repeats within the batch, then COPY the rest straight into the table
			Map<String, LogEvent> fresh = new LinkedHashMap<>();
			for (LogEvent event : events) {
				fresh.putIfAbsent(StoredEvents.fingerprint(event), event);
			}
			try (PreparedStatement stored = connection.prepareStatement(
					"select fingerprint from accesslog_event where org_id = ? and fingerprint = any (?)")) {
				stored.setObject(1, org.value());
				stored.setArray(2,
						connection.createArrayOf("uuid", fresh.keySet().stream().map(UUID::fromString).toArray()));
				try (ResultSet rs = stored.executeQuery()) {
					while (rs.next()) {
						fresh.remove(rs.getObject(1, UUID.class).toString());
					}
				}
			}
			if (fresh.isEmpty()) {
				return 0;
			}
			PGConnection pg = connection.unwrap(PGConnection.class);
			return (int) pg.getCopyAPI()
				.copyIn("copy accesslog_event (" + COLUMNS + ") from stdin (format csv)",
						new StringReader(csv(org, sourceId, importId, List.copyOf(fresh.values()), data)));
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
