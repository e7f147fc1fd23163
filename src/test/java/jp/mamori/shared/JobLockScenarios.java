package jp.mamori.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jp.mamori.support.FixedClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes contend for the same job through the database: one wins, the other is refused
 * until the winner releases or its time is up. Run on H2 and on PostgreSQL.
 */
abstract class JobLockScenarios {

	static final Duration TEN_MINUTES = Duration.ofMinutes(10);

	/** A clock the test moves forward, shared by both "nodes". */
	static final class MovableClock extends Clock {

		private Instant now = FixedClockConfiguration.NOW.toInstant();

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ClockConfiguration.JAPAN;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	final MovableClock clock = new MovableClock();

	JobLock node() {
		return new JobLock(jdbc, clock, transactions);
	}

	static String job() {
		return "test-job-" + UUID.randomUUID();
	}

	@Test
	void oneOfTwoContendersWins() {
		String job = job();
		JobLock a = node();
		JobLock b = node();

		Optional<JobLock.Lease> first = a.tryAcquire(job, TEN_MINUTES, Duration.ZERO);
		Optional<JobLock.Lease> second = b.tryAcquire(job, TEN_MINUTES, Duration.ZERO);

		assertThat(first).isPresent();
		assertThat(first.get().owner()).isEqualTo(a.owner());
		assertThat(second).isEmpty();
		assertThat(a.tryAcquire(job, TEN_MINUTES, Duration.ZERO)).as("not re-entrant: the holder waits too").isEmpty();
	}

	@Test
	void theOtherTakesTheLockOnceReleased() {
		String job = job();
		JobLock a = node();
		JobLock b = node();
		a.release(a.tryAcquire(job, TEN_MINUTES, Duration.ZERO).orElseThrow());

		assertThat(b.tryAcquire(job, TEN_MINUTES, Duration.ZERO)).isPresent();
		assertThat(a.tryAcquire(job, TEN_MINUTES, Duration.ZERO)).isEmpty();
	}

	@Test
	void aLockWhoseTimeIsUpIsTakenOverAndTheLateHolderCannotFreeIt() {
		String job = job();
		JobLock a = node();
		JobLock b = node();
		JobLock c = node();
		JobLock.Lease stale = a.tryAcquire(job, Duration.ofMinutes(1), Duration.ZERO).orElseThrow();
		clock.advance(Duration.ofSeconds(59));
		assertThat(b.tryAcquire(job, TEN_MINUTES, Duration.ZERO)).isEmpty();

		clock.advance(Duration.ofSeconds(1));
		assertThat(b.tryAcquire(job, TEN_MINUTES, Duration.ZERO)).isPresent();
		a.release(stale);
		assertThat(c.tryAcquire(job, TEN_MINUTES, Duration.ZERO)).as("still b's").isEmpty();
	}

	@Test
	void aReleasedLockStaysTakenForItsMinimumTime() {
		String job = job();
		JobLock a = node();
		JobLock b = node();
		a.release(a.tryAcquire(job, TEN_MINUTES, Duration.ofMinutes(5)).orElseThrow());
		clock.advance(Duration.ofMinutes(4));
		assertThat(b.tryAcquire(job, TEN_MINUTES, Duration.ZERO)).isEmpty();

		clock.advance(Duration.ofMinutes(1));
		assertThat(b.tryAcquire(job, TEN_MINUTES, Duration.ZERO)).isPresent();
	}

	@Test
	void runsTheJobOnlyWhereTheLockWasHad() {
		String job = job();
		JobLock a = node();
		JobLock b = node();
		AtomicInteger runs = new AtomicInteger();
		JobLock.Lease held = a.tryAcquire(job, TEN_MINUTES, Duration.ZERO).orElseThrow();

		assertThat(b.runExclusively(job, TEN_MINUTES, Duration.ZERO, runs::incrementAndGet)).isFalse();
		a.release(held);
		assertThat(b.runExclusively(job, TEN_MINUTES, Duration.ZERO, runs::incrementAndGet)).isTrue();
		assertThat(runs).hasValue(1);
		assertThat(a.tryAcquire(job, TEN_MINUTES, Duration.ZERO)).as("released after the run").isPresent();
	}

	@Test
	void nodesRacingForANewJobAtTheSameMomentGetOneWinner() throws Exception {
		int nodes = 4;
		for (int round = 0; round < 5; round++) {
			String job = job();
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(nodes);
			try {
				List<Future<Boolean>> attempts = new ArrayList<>();
				for (int i = 0; i < nodes; i++) {
					JobLock node = node();
					Callable<Boolean> attempt = () -> {
						start.await();
						return node.tryAcquire(job, TEN_MINUTES, Duration.ZERO).isPresent();
					};
					attempts.add(pool.submit(attempt));
				}
				start.countDown();
				int winners = 0;
				for (Future<Boolean> attempt : attempts) {
					winners += attempt.get() ? 1 : 0;
				}
				assertThat(winners).as("winners in round " + round).isEqualTo(1);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

}
