package jp.mamori.accesslog.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.mamori.accesslog.AccessLogRetention;
import jp.mamori.accesslog.ImportedFile;
import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.identity.OrgRole;
import jp.mamori.shared.OrgId;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import jp.mamori.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Log events in monthly partitions on PostgreSQL: each month's events in its own
 * partition (made on demand, rows stranded in the default partition rescued), the
 * drill-down and timeline queries read only the partitions of their time range (shown by
 * the plan), and retention drops whole months once even when two nodes run it at the same
 * moment. Today is 2025-06-15 (fixed clock); the policy here keeps 12 months.
 */
@IntegrationTest
class AccessLogPartitionsPostgresIntegrationTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
		registry.add("mamori.accesslog.retention-months", () -> "12");
		registry.add("mamori.accesslog.retention-cron", () -> "-");
	}

	@Autowired
	Fixtures fixtures;

	@Autowired
	AccessLogEventRepository repository;

	@Autowired
	AccessLogPartitions partitions;

	@Autowired
	AccessLogRetention retention;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	OrgId clinic() {
		return fixtures.clinicWith(Fixtures.uniqueName("partitions"), OrgRole.ADMIN).id();
	}

	static LogEvent event(String time, int record) {
		return StoredEvents.normalise(LogEvent.at(Instant.parse(time), EventKind.AUTH_FAILURE)
			.host("emr-sv01")
			.user("yamada")
			.sourceAddress("192.0.2.7")
			.recordNumber(record)
			.build());
	}

	int store(OrgId org, List<LogEvent> events) {
		ImportedFile file = new ImportedFile(UUID.randomUUID(), null, "x", "", 0, LogFormat.LINUX, 0, 0, 0, null, null,
				List.of(), List.of(), Instant.now(), "t");
		return transactions.execute(status -> {
			repository.insertImport(org, file);
			return repository.insertEvents(org, null, file.id(), events);
		});
	}

	long rowsIn(String table, OrgId org) {
		return jdbc.sql("select count(*) from " + table + " where org_id = ?")
			.param(org.value())
			.query(Long.class)
			.single();
	}

	String plan(String sql, Object... params) {
		return String.join("\n", jdbc.sql("explain (costs off) " + sql).params(params).query(String.class).list());
	}

	@Test
	void theEventTableIsPartitionedByMonthInJapan() {
		OrgId org = clinic();
		// 2025-05-31 15:30 UTC is already June 1st in Japan
		store(org, List.of(event("2025-05-10T01:00:00Z", 1), event("2025-05-31T15:30:00Z", 2),
				event("2025-06-14T03:00:00Z", 3), event("2025-06-14T03:00:00Z", 3)));

		assertThat(partitions.months()).contains(YearMonth.of(2025, 5), YearMonth.of(2025, 6));
		assertThat(rowsIn("accesslog_event_p202505", org)).isEqualTo(1);
		assertThat(rowsIn("accesslog_event_p202506", org)).as("idempotence still holds per partition").isEqualTo(2);
		assertThat(rowsIn(AccessLogPartitions.DEFAULT_PARTITION, org)).isZero();
		assertThat(repository.countEvents(org)).isEqualTo(3);
	}

	@Test
	void rowsThatWentToTheDefaultPartitionMoveIntoTheirMonthWhenItIsMade() {
		OrgId org = clinic();
		UUID importId = UUID.randomUUID();
		ImportedFile file = new ImportedFile(importId, null, "x", "", 0, LogFormat.LINUX, 0, 0, 0, null, null,
				List.of(), List.of(), Instant.now(), "t");
		repository.insertImport(org, file);
		// as if written while the month had no partition
		jdbc.sql("insert into accesslog_event (org_id, import_id, fingerprint, occurred_at, occurred_on, kind, "
				+ "outcome, access, record_number) values (?, ?, ?, ?, date '2024-03-05', 'AUTH_FAILURE', "
				+ "'FAILURE', 'OTHER', 1)")
			.params(org.value(), importId, UUID.randomUUID(), OffsetDateTime.parse("2024-03-05T01:00:00Z"))
			.update();
		assertThat(rowsIn(AccessLogPartitions.DEFAULT_PARTITION, org)).isEqualTo(1);

		store(org, List.of(event("2024-03-20T01:00:00Z", 2)));

		assertThat(rowsIn("accesslog_event_p202403", org)).isEqualTo(2);
		assertThat(rowsIn(AccessLogPartitions.DEFAULT_PARTITION, org)).isZero();
	}

	@Test
	void theDrillDownAndTheTimelineReadOnlyThePartitionsOfTheirRange() {
		OrgId org = clinic();
		store(org, List.of(event("2025-04-10T01:00:00Z", 1), event("2025-06-10T01:00:00Z", 2)));
		OffsetDateTime from = OffsetDateTime.parse("2025-06-10T00:00:00Z");
		OffsetDateTime to = OffsetDateTime.parse("2025-06-11T00:00:00Z");

		String drillDown = plan(AccessLogEventRepository.BY_FINGERPRINTS.replace(":org", "?")
			.replace(":from", "?")
			.replace(":to", "?")
			.replace(":fps", "?"), org.value(), from, to, UUID.randomUUID());
		String timeline = plan(AccessLogEventRepository.PER_DAY, org.value(), from, to);

		for (String plan : List.of(drillDown, timeline)) {
			assertThat(plan).contains("accesslog_event_p202506")
				.doesNotContain("accesslog_event_p202504")
				.doesNotContain(AccessLogPartitions.DEFAULT_PARTITION);
		}
	}

	@Test
	void retentionOnTwoNodesAtOnceDropsEachOldMonthOnce() throws Exception {
		OrgId org = clinic();
		// the policy keeps 2024-06 on (12 months before June 2025)
		store(org, List.of(event("2024-01-10T01:00:00Z", 1), event("2024-02-10T01:00:00Z", 2),
				event("2024-06-10T01:00:00Z", 3)));
		List<YearMonth> old = partitions.months().stream().filter(m -> m.isBefore(YearMonth.of(2024, 6))).toList();
		assertThat(old).contains(YearMonth.of(2024, 1), YearMonth.of(2024, 2));

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<YearMonth> dropped = new ArrayList<>();
		try {
			List<Future<AccessLogRetention.Run>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(threads.submit(() -> {
					start.await();
					return retention.purgeNow();
				}));
			}
			start.countDown();
			for (Future<AccessLogRetention.Run> run : runs) {
				dropped.addAll(run.get().partitionsDropped());
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(dropped).as("each old month dropped by one run only").containsExactlyInAnyOrderElementsOf(old);
		assertThat(partitions.months()).doesNotContainAnyElementsOf(old).contains(YearMonth.of(2024, 6));
		assertThat(repository.countEvents(org)).isEqualTo(1);
	}

}
