package jp.mamori.accesslog.internal;

import jp.mamori.accesslog.ImportedFile;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jp.mamori.accesslog.parser.Access;
import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.accesslog.parser.Outcome;
import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Imported files and their events; every statement is scoped by organisation. */
@Repository
public class AccessLogEventRepository {

	private static final int DATA_MAX = 8000;

	private static final java.time.ZoneId JAPAN = java.time.ZoneId.of("Asia/Tokyo");

	private static final String EVENT_COLUMNS = "occurred_at, host, channel, event_id, kind, outcome, access, user_name, "
			+ "subject_user, source_address, target, logon_type, process, status, record_number, data, fingerprint, id";

	private static final TypeReference<LinkedHashMap<String, String>> DATA_TYPE = new TypeReference<>() {
	};

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	/** PostgreSQL's COPY path, or null on other databases. */
	private final PostgresEventCopy copy;

	private final JsonMapper json = JsonMapper.builder().build();

	private final AccessLogPartitions partitions;

	/**
	 * The drill-down: events by fingerprint within the finding's time range, so that
	 * PostgreSQL reads only the partitions of those months.
	 */
	static final String BY_FINGERPRINTS = "select " + EVENT_COLUMNS + " from accesslog_event where org_id = :org "
			+ "and occurred_at >= :from and occurred_at <= :to and fingerprint in (:fps)";

	/** The timeline: per-day counts within a range (pruned to its months). */
	static final String PER_DAY = "select occurred_on, count(*), sum(case when outcome = 'FAILURE' then 1 else 0 end) "
			+ "from accesslog_event where org_id = ? and occurred_at >= ? and occurred_at < ? group by occurred_on";

	/** The analysis: every event from a time on, in time order. */
	static final String FROM_TIME = "select " + EVENT_COLUMNS
			+ " from accesslog_event where org_id = ? and occurred_at >= ? order by occurred_at, id";

	AccessLogEventRepository(JdbcTemplate jdbcTemplate, JdbcClient jdbc, javax.sql.DataSource dataSource,
			AccessLogPartitions partitions,
			@org.springframework.beans.factory.annotation.Value("${mamori.accesslog.copy:true}") boolean useCopy) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.partitions = partitions;
		this.copy = useCopy && isPostgres(dataSource) ? new PostgresEventCopy(dataSource) : null;
	}

	/** Whether events go in through PostgreSQL's COPY (else batched INSERTs). */
	public boolean copies() {
		return copy != null;
	}

	private static boolean isPostgres(javax.sql.DataSource dataSource) {
		try (java.sql.Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (java.sql.SQLException ex) {
			return false;
		}
	}

	public void insertImport(OrgId org, ImportedFile file) {
		jdbc.sql("insert into accesslog_import (id, org_id, source_id, file_name, file_sha256, file_bytes, format, "
				+ "events, added, skipped, first_at, last_at, hosts, notes, imported_at, imported_by) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(file.id(), org.value(), file.sourceId(), file.fileName(), file.sha256(), file.bytes(),
					file.format().id(), file.events(), file.added(), file.skipped(), utc(file.first()),
					utc(file.last()), StoredEvents.cut(String.join("\n", file.hosts()), 2000),
					StoredEvents.cut(String.join("\n", file.notes()), 4000), utc(file.importedAt()), file.importedBy())
			.update();
	}

	/** Writes what reading the file gave, once all its events are stored. */
	public void finishImport(OrgId org, ImportedFile file) {
		jdbc.sql("update accesslog_import set file_sha256 = ?, file_bytes = ?, format = ?, events = ?, added = ?, "
				+ "skipped = ?, first_at = ?, last_at = ?, hosts = ?, notes = ? where org_id = ? and id = ?")
			.params(file.sha256(), file.bytes(), file.format().id(), file.events(), file.added(), file.skipped(),
					utc(file.first()), utc(file.last()), StoredEvents.cut(String.join("\n", file.hosts()), 2000),
					StoredEvents.cut(String.join("\n", file.notes()), 4000), org.value(), file.id())
			.update();
	}

	/**
	 * Inserts events (already {@linkplain StoredEvents#normalise normalised}) in one
	 * batch; records already stored (same fingerprint) are left out. Returns how many
	 * were added.
	 */
	public int insertEvents(OrgId org, UUID sourceId, UUID importId, List<LogEvent> events) {
		if (events.isEmpty()) {
			return 0;
		}
		partitions.ensureMonths(events.stream().map(LogEvent::time).toList());
		if (copy != null) {
			return copy.insert(org, sourceId, importId, events, e -> data(e.data()));
		}
		// ON CONFLICT DO NOTHING: PostgreSQL, and H2 in its PostgreSQL mode (our default
		// URL)
		String sql = "insert into accesslog_event (org_id, source_id, import_id, fingerprint, occurred_at, host, channel, "
				+ "event_id, kind, outcome, access, user_name, account, subject_user, source_address, target, logon_type, "
				+ "process, status, record_number, data, occurred_on) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
				+ "on conflict do nothing";
		int[] counts = jdbcTemplate.batchUpdate(sql, events, events.size(), (PreparedStatement ps, LogEvent e) -> {
			ps.setObject(1, org.value());
			ps.setObject(2, sourceId);
			ps.setObject(3, importId);
			ps.setObject(4, java.util.UUID.fromString(StoredEvents.fingerprint(e)));
			ps.setObject(5, OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC));
			ps.setString(6, e.host());
			ps.setString(7, e.channel());
			ps.setString(8, e.eventId());
			ps.setString(9, e.kind().name());
			ps.setString(10, e.outcome().name());
			ps.setString(11, e.access().name());
			ps.setString(12, e.user());
			ps.setString(13, StoredEvents.cut(e.account(), 255));
			ps.setString(14, e.subjectUser());
			ps.setString(15, e.sourceAddress());
			ps.setString(16, e.target());
			if (e.logonType() == null) {
				ps.setNull(17, Types.INTEGER);
			}
			else {
				ps.setInt(17, e.logonType());
			}
			ps.setString(18, e.process());
			ps.setString(19, e.status());
			ps.setLong(20, e.recordNumber());
			ps.setString(21, data(e.data()));
			ps.setObject(22, e.time().atZone(JAPAN).toLocalDate());
		})[0];
		int added = 0;
		for (int count : counts) {
			// drivers may answer SUCCESS_NO_INFO (-2) for a batched row: count it as
			// added
			added += count == 0 ? 0 : 1;
		}
		return added;
	}

	/**
	 * Every event of the organisation in time order, one at a time (streams, for
	 * analysis).
	 */
	public void forEachEvent(OrgId org, Consumer<LogEvent> consumer) {
		forEachEvent(org, Instant.EPOCH, consumer);
	}

	/**
	 * Every event of the organisation from a time on, in time order, one at a time. The
	 * time bounds the months PostgreSQL reads (the retention cutoff, when one is set).
	 */
	public void forEachEvent(OrgId org, Instant from, Consumer<LogEvent> consumer) {
		jdbcTemplate.query(con -> {
			PreparedStatement ps = con.prepareStatement(FROM_TIME, ResultSet.TYPE_FORWARD_ONLY,
					ResultSet.CONCUR_READ_ONLY);
			ps.setFetchSize(5000);
			ps.setObject(1, org.value());
			ps.setObject(2, utc(from));
			return ps;
		}, (ResultSet rs) -> consumer.accept(event(rs)));
	}

	/** The events with these fingerprints, in time order. */
	public List<StoredEvent> findByFingerprints(OrgId org, Collection<String> fingerprints) {
		return findByFingerprints(org, fingerprints, Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"));
	}

	/**
	 * The events with these fingerprints that happened within {@code [from, to]}, in time
	 * order. A finding knows its first and last event: with them PostgreSQL reads only
	 * the partitions of those months.
	 */
	public List<StoredEvent> findByFingerprints(OrgId org, Collection<String> fingerprints, Instant from, Instant to) {
		if (fingerprints.isEmpty()) {
			return List.of();
		}
		List<StoredEvent> events = new ArrayList<>();
		List<String> all = List.copyOf(fingerprints);
		for (int i = 0; i < all.size(); i += 500) {
			List<String> part = all.subList(i, Math.min(all.size(), i + 500));
			events.addAll(jdbc.sql(BY_FINGERPRINTS)
				.param("org", org.value())
				.param("from", utc(from))
				.param("to", utc(to))
				.param("fps", part.stream().map(UUID::fromString).toList())
				.query((rs, n) -> new StoredEvent(rs.getLong("id"), rs.getObject("fingerprint", UUID.class).toString(),
						event(rs)))
				.list());
		}
		events.sort(java.util.Comparator.comparing((StoredEvent s) -> s.event().time()).thenComparing(StoredEvent::id));
		return events;
	}

	/** Imports of the organisation, newest first. */
	public List<ImportedFile> imports(OrgId org, int limit) {
		return jdbc.sql("select * from accesslog_import where org_id = ? order by imported_at desc, file_name")
			.param(org.value())
			.query(AccessLogEventRepository::importedFile)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	/** Whether this file (by content) was imported before into the organisation. */
	public boolean importedBefore(OrgId org, String sha256) {
		return jdbc.sql("select count(*) from accesslog_import where org_id = ? and file_sha256 = ?")
			.params(org.value(), sha256)
			.query(Long.class)
			.single() > 0;
	}

	public long countEvents(OrgId org) {
		return jdbc.sql("select count(*) from accesslog_event where org_id = ?")
			.param(org.value())
			.query(Long.class)
			.single();
	}

	/**
	 * Events and failures per day in Japan from a day to a day (inclusive), for the
	 * timeline chart.
	 */
	public Map<java.time.LocalDate, long[]> eventsPerDay(OrgId org, java.time.LocalDate from, java.time.LocalDate to) {
		Map<java.time.LocalDate, long[]> days = new java.util.TreeMap<>();
		jdbc.sql(PER_DAY)
			// the index is on occurred_at: the Japanese day starts at 15:00 UTC the day
			// before
			.params(org.value(), utc(from.atStartOfDay(JAPAN).toInstant()),
					utc(to.plusDays(1).atStartOfDay(JAPAN).toInstant()))
			.query((ResultSet rs) -> {
				days.put(rs.getObject(1, java.time.LocalDate.class), new long[] { rs.getLong(2), rs.getLong(3) });
			});
		return days;
	}

	/** The latest day with events, if any. */
	public java.util.Optional<java.time.LocalDate> lastDay(OrgId org) {
		return jdbc.sql("select max(occurred_at) from accesslog_event where org_id = ?")
			.param(org.value())
			.query((rs, n) -> {
				OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
				return at == null ? null : at.toInstant().atZone(JAPAN).toLocalDate();
			})
			.optional();
	}

	/** When events of a log source were last imported, and their latest time. */
	public java.util.Optional<Instant> lastImportOf(OrgId org, UUID sourceId) {
		return jdbc.sql("select max(imported_at) from accesslog_import where org_id = ? and source_id = ?")
			.params(org.value(), sourceId)
			.query((rs, n) -> {
				OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
				return at == null ? null : at.toInstant();
			})
			.optional();
	}

	private String data(Map<String, String> data) {
		if (data.isEmpty()) {
			return null;
		}
		String text = json.writeValueAsString(data);
		if (text.length() <= DATA_MAX) {
			return text;
		}
		// keep as many whole values as fit: a cut JSON text could not be read back
		Map<String, String> kept = new LinkedHashMap<>();
		int length = 2;
		for (Map.Entry<String, String> entry : data.entrySet()) {
			String value = StoredEvents.cut(entry.getValue(), 1000);
			length += entry.getKey().length() + (value == null ? 4 : value.length()) + 8;
			if (length > DATA_MAX - 200) {
				break;
			}
			kept.put(entry.getKey(), value);
		}
		return json.writeValueAsString(kept);
	}

	private LogEvent event(ResultSet rs) throws SQLException {
		Integer logonType = rs.getObject("logon_type") == null ? null : rs.getInt("logon_type");
		String data = rs.getString("data");
		Map<String, String> values = data == null ? Map.of() : json.readValue(data, DATA_TYPE);
		return new LogEvent(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("host"),
				rs.getString("channel"), rs.getString("event_id"), EventKind.valueOf(rs.getString("kind")),
				Outcome.valueOf(rs.getString("outcome")), Access.valueOf(rs.getString("access")),
				rs.getString("user_name"), rs.getString("subject_user"), rs.getString("source_address"),
				rs.getString("target"), logonType, rs.getString("process"), rs.getString("status"),
				rs.getLong("record_number"), values);
	}

	private static ImportedFile importedFile(ResultSet rs, int n) throws SQLException {
		String hosts = rs.getString("hosts");
		String notes = rs.getString("notes");
		return new ImportedFile(rs.getObject("id", UUID.class), rs.getObject("source_id", UUID.class),
				rs.getString("file_name"), rs.getString("file_sha256"), rs.getLong("file_bytes"),
				LogFormat.ofId(rs.getString("format")).orElseThrow(), rs.getLong("events"), rs.getLong("added"),
				rs.getLong("skipped"), instant(rs, "first_at"), instant(rs, "last_at"),
				hosts == null ? List.of() : hosts.lines().toList(), notes == null ? List.of() : notes.lines().toList(),
				instant(rs, "imported_at"), rs.getString("imported_by"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	public static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** An event as stored, with its row id and fingerprint. */
	public record StoredEvent(long id, String fingerprint, LogEvent event) {
	}

}
