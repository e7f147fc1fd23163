package jp.mamori.accesslog.internal;

import java.time.Instant;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on H2 (no partitions there): the same setting deletes the events before the
 * first month kept, once even when two runs start together; without a policy nothing
 * goes. Today is 2025-06-15 (fixed clock); the policy keeps 3 months (from 2025-03-01
 * JST).
 */
@IntegrationTest
@TestPropertySource(properties = { "mamori.accesslog.retention-months=3", "mamori.accesslog.retention-cron=-" })
class AccessLogRetentionH2IntegrationTests {

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

	@Test
	void deletesTheEventsBeforeTheFirstMonthKeptOnce() throws Exception {
		OrgId org = fixtures.clinicWith(Fixtures.uniqueName("retention"), OrgRole.ADMIN).id();
		ImportedFile file = new ImportedFile(UUID.randomUUID(), null, "x", "", 0, LogFormat.LINUX, 0, 0, 0, null, null,
				List.of(), List.of(), Instant.now(), "t");
		transactions.executeWithoutResult(status -> {
			repository.insertImport(org, file);
			// 2025-02-28 15:30 UTC is already March 1st in Japan: kept
			repository.insertEvents(org, null, file.id(),
					List.of(event("2025-01-10T01:00:00Z", 1), event("2025-02-28T14:30:00Z", 2),
							event("2025-02-28T15:30:00Z", 3), event("2025-06-01T01:00:00Z", 4)));
		});
		assertThat(partitions.partitioned()).isFalse();
		assertThat(retention.keptSince()).isEqualTo(Instant.parse("2025-02-28T15:00:00Z"));

		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		int deleted = 0;
		try {
			List<Future<AccessLogRetention.Run>> runs = List.of(threads.submit(() -> {
				start.await();
				return retention.purgeNow();
			}), threads.submit(() -> {
				start.await();
				return retention.purgeNow();
			}));
			start.countDown();
			for (Future<AccessLogRetention.Run> run : runs) {
				deleted += run.get().rowsDeleted();
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(deleted).isEqualTo(2);
		assertThat(repository.countEvents(org)).isEqualTo(2);
	}

	static LogEvent event(String time, int record) {
		return StoredEvents.normalise(LogEvent.at(Instant.parse(time), EventKind.AUTH_FAILURE)
			.host("emr-sv01")
			.user("yamada")
			.recordNumber(record)
			.build());
	}

}
