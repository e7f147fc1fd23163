package jp.mamori.accesslog;

import jp.mamori.support.IntegrationTest;
import jp.mamori.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The access-log scenarios on a real PostgreSQL. */
@IntegrationTest
class AccessLogPostgresIntegrationTests extends AccessLogScenarios {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

	@org.junit.jupiter.api.Test
	void eventsGoInThroughCopy() {
		org.assertj.core.api.Assertions.assertThat(repository.copies()).isTrue();
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	/**
	 * Two imports of the same records at once: both COPY straight into the table; the
	 * second waits on the first's entries in the unique index, is refused when the first
	 * commits, goes the careful way from its savepoint and stores nothing twice.
	 */
	@org.junit.jupiter.api.Test
	void aConcurrentImportOfTheSameRecordsAddsThemOnce() throws Exception {
		jp.mamori.shared.OrgId owner = clinic();
		java.util.List<jp.mamori.accesslog.parser.LogEvent> events = failures(0, 50);
		java.util.concurrent.CountDownLatch firstWrote = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch firstMayCommit = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.Future<Integer> first = threads.submit(() -> transactions.execute(status -> {
				int added = insertWithinTransaction(owner, events);
				firstWrote.countDown();
				await(firstMayCommit);
				return added;
			}));
			await(firstWrote);
			java.util.concurrent.Future<Integer> second = threads
				.submit(() -> transactions.execute(status -> insertWithinTransaction(owner, events)));
			// the second is waiting on the first's index entries
			long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
			while (jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
					+ "and query like 'copy accesslog_event %'", Long.class) == 0) {
				assertThat(System.nanoTime()).isLessThan(deadline);
				Thread.sleep(20);
			}
			firstMayCommit.countDown();

			assertThat(first.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(50);
			assertThat(second.get(20, java.util.concurrent.TimeUnit.SECONDS)).isZero();
			assertThat(queries.eventCount(owner)).isEqualTo(50);
		}
		finally {
			firstMayCommit.countDown();
			threads.shutdownNow();
		}
	}

	private static void await(java.util.concurrent.CountDownLatch latch) {
		try {
			assertThat(latch.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
