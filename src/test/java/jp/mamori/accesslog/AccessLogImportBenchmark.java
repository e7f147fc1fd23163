package jp.mamori.accesslog;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.MamoriApplication;
import jp.mamori.accesslog.internal.PostgresEventCopy;
import jp.mamori.accesslog.internal.StoredEvents;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.accesslog.parser.LogParsers;
import jp.mamori.accesslog.parser.ParseContext;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.OrgId;
import jp.mamori.support.PostgresDatabase;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Import throughput into the event store (not a test; figures go to docs/benchmarks.md):
 * the OpenSSH sample repeated to 500,000 events, imported through {@link ImportAccessLog}
 * on H2 (embedded) and on PostgreSQL, and — in the same run, same rows — a plain
 * PostgreSQL {@code COPY} into a table of the same columns, the physical limit the import
 * is compared with. PostgreSQL is {@code MAMORI_TEST_PG_URL} or embedded binaries (see
 * {@link PostgresDatabase}). Run after {@code ./mvnw -o test-compile} and
 * {@code ./mvnw -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 * {@code java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" jp.mamori.accesslog.AccessLogImportBenchmark ../shared/samples}
 */
public final class AccessLogImportBenchmark {

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	private AccessLogImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path samples = Path.of(args.length > 0 ? args[0] : "../shared/samples");
		byte[] log = LogParseBenchmark.repeat(Files.readAllBytes(samples.resolve("linux-auth/loghub_OpenSSH_2k.log")),
				250);
		List<LogEvent> rows = new ArrayList<>();
		LogParsers.standard()
			.parse(new ByteArrayInputStream(log), LogFormat.LINUX,
					new ParseContext("bench", ParseContext.JAPAN, LocalDate.of(2025, 1, 15)),
					e -> rows.add(StoredEvents.normalise(e)));
		System.out.printf("events: %,d%n", rows.size());
		double h2 = importRate(Map.of("spring.datasource.url", "jdbc:h2:mem:bench;MODE=PostgreSQL;DB_CLOSE_DELAY=-1"),
				log, rows.size());
		System.out.printf("import H2 (batched INSERT): %,.0f events/s%n", h2);
		PostgresDatabase.Database pg = PostgresDatabase.create();
		double viaImport = importRate(Map.of("spring.datasource.url", pg.url(), "spring.datasource.username", pg.user(),
				"spring.datasource.password", pg.password()), log, rows.size());
		System.out.printf("import PostgreSQL (COPY + ON CONFLICT): %,.0f events/s%n", viaImport);
		double copy = copyRate(pg, rows, false);
		System.out.printf("plain COPY PostgreSQL, same rows: %,.0f events/s%n", copy);
		System.out.printf("import / COPY: %.2f%n", viaImport / copy);
		double indexedCopy = copyRate(pg, rows, true);
		System.out.printf("COPY into a table with the event table's key and indexes: %,.0f events/s%n", indexedCopy);
		System.out.printf("import / COPY with the same indexes: %.2f%n", viaImport / indexedCopy);
		storage(pg);
	}

	/**
	 * Disk per stored event on PostgreSQL (table, TOAST and indexes of every monthly
	 * partition), for sizing (docs/deployment.md).
	 */
	static void storage(PostgresDatabase.Database pg) throws Exception {
		try (Connection connection = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
				Statement statement = connection.createStatement();
				java.sql.ResultSet rs = statement.executeQuery("select (select count(*) from accesslog_event), "
						+ "(select sum(pg_total_relation_size(inhrelid)) from pg_inherits "
						+ "where inhparent = 'accesslog_event'::regclass)")) {
			rs.next();
			long rows = rs.getLong(1);
			long bytes = rs.getLong(2);
			System.out.printf("stored: %,d events in %,d bytes = %,.0f bytes/event (with indexes)%n", rows, bytes,
					rows == 0 ? 0.0 : (double) bytes / rows);
		}
	}

	static double importRate(Map<String, Object> properties, byte[] log, int events) {
		SpringApplication app = new SpringApplication(MamoriApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		// command-line arguments win over application.properties (default properties
		// would not)
		String[] arguments = properties.entrySet()
			.stream()
			.map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		try (ConfigurableApplicationContext context = app.run(arguments)) {
			ImportAccessLog importer = context.getBean(ImportAccessLog.class);
			Organizations organizations = context.getBean(Organizations.class);
			double best = 0;
			for (int round = 0; round < 3; round++) {
				OrgId org = organizations.create("bench " + UUID.randomUUID(), OrgKind.INSTITUTION, "bench").id();
				long start = System.nanoTime();
				ImportedFile file = importer.importFile(org, null, "secure", new ByteArrayInputStream(log),
						LogFormat.LINUX, "bench", null);
				double rate = file.added() / ((System.nanoTime() - start) / 1e9);
				System.out.printf("  round %d: %,d added, %,.0f events/s%n", round + 1, file.added(), rate);
				best = Math.max(best, rate);
			}
			return best;
		}
	}

	/**
	 * Plain COPY of the same rows in batches of the import's size: into an index-free
	 * table (the physical limit of the issue), or — {@code indexed} — into one with the
	 * event table's generated key, primary key, unique fingerprint index and time index,
	 * which every stored event must also pay for.
	 */
	static double copyRate(PostgresDatabase.Database pg, List<LogEvent> rows, boolean indexed) throws Exception {
		double best = 0;
		String table = indexed ? "bench_copy_indexed" : "bench_copy";
		try (Connection connection = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
				Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists " + table + " ("
					+ (indexed ? "id bigint generated always as identity primary key, " : "")
					+ "org_id uuid, source_id uuid, import_id uuid, "
					+ "fingerprint uuid, occurred_at timestamp with time zone, host varchar(255), "
					+ "channel varchar(255), event_id varchar(40), kind varchar(30), outcome varchar(10), "
					+ "access varchar(20), user_name varchar(255), account varchar(255), subject_user varchar(255), "
					+ "source_address varchar(100), target varchar(1000), logon_type integer, process varchar(500), "
					+ "status varchar(500), record_number bigint, data varchar(8000), occurred_on date)");
			if (indexed) {
				statement.execute("create unique index if not exists bench_copy_indexed_uq on bench_copy_indexed "
						+ "(org_id, fingerprint, occurred_at)");
				statement.execute("create index if not exists bench_copy_indexed_time on bench_copy_indexed "
						+ "(org_id, occurred_at)");
			}
			for (int round = 0; round < 3; round++) {
				statement.execute("truncate " + table);
				long start = System.nanoTime();
				OrgId org = new OrgId(UUID.randomUUID());
				UUID importId = UUID.randomUUID();
				for (int i = 0; i < rows.size(); i += ImportAccessLog.BATCH) {
					List<LogEvent> batch = rows.subList(i, Math.min(rows.size(), i + ImportAccessLog.BATCH));
					String csv = PostgresEventCopy.csv(org, null, importId, batch,
							e -> e.data().isEmpty() ? null : JSON.writeValueAsString(e.data()));
					connection.unwrap(PGConnection.class)
						.getCopyAPI()
						.copyIn("copy " + table + " (" + PostgresEventCopy.COLUMNS + ") from stdin (format csv)",
								new StringReader(csv));
				}
				double rate = rows.size() / ((System.nanoTime() - start) / 1e9);
				System.out.printf("  COPY %s round %d: %,.0f events/s%n", table, round + 1, rate);
				best = Math.max(best, rate);
			}
		}
		return best;
	}

}
