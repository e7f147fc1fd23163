package jp.mamori.shared;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A named lock in the database, so that a scheduled job runs on exactly one node when
 * several nodes share one PostgreSQL (ARCHITECTURE.md §7). One row per job name in
 * {@code job_lock}: taking the lock is a single conditional {@code UPDATE} that succeeds
 * only when the lock is free or its holder's time is up, which the database serialises,
 * and the row is inserted on first use. A lock always expires ({@code atMost}), so a node
 * that dies while holding it blocks the job only until then.
 * <p>
 * Hand-written rather than ShedLock, which is not available offline here; it is the same
 * idea in some forty lines. Only for work that must happen once per cluster (sending
 * mail): work on a node's own memory, such as refreshing its evaluation cache
 * ({@code EvaluationFreshness}), must run on every node and takes no lock.
 */
@Component
public class JobLock {

	/** A held lock; give it back with {@link JobLock#release(Lease)}. */
	public record Lease(String name, String owner, Instant acquiredAt, Duration atLeast) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	/** This instance: the JVM (pid@host) plus a random part, unique per bean. */
	private final String owner;

	JobLock(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		// the lock must be visible to other nodes at once, whatever transaction the
		// caller is in;
		// and a failed insert must not spoil the caller's transaction (PostgreSQL aborts
		// it)
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
	}

	/** Who holds locks taken through this instance (as written to {@code locked_by}). */
	public String owner() {
		return owner;
	}

	/**
	 * Takes the lock if it is free or expired, for at most {@code atMost}. Empty when
	 * another holder has it.
	 * @param atLeast how long the lock stays taken after release, so that a node whose
	 * clock runs a little behind does not start the same run again right after this one
	 */
	public Optional<Lease> tryAcquire(String name, Duration atMost, Duration atLeast) {
		// millisecond precision: release finds the row by this time, and both databases
		// keep it exactly
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant until = now.plus(atMost);
		Boolean taken = ownTransaction.execute(status -> jdbc.sql(
				"update job_lock set locked_until = ?, locked_at = ?, locked_by = ? where name = ? and locked_until <= ?")
			.params(utc(until), utc(now), owner, name, utc(now))
			.update() == 1);
		if (!Boolean.TRUE.equals(taken)) {
			taken = insertIfAbsent(name, now, until);
		}
		return Boolean.TRUE.equals(taken) ? Optional.of(new Lease(name, owner, now, atLeast)) : Optional.empty();
	}

	/**
	 * Gives the lock back: free from now, or from {@code acquiredAt + atLeast} if that is
	 * later. Does nothing if the lock expired and somebody else took it meanwhile.
	 */
	public void release(Lease lease) {
		Instant now = clock.instant();
		Instant earliest = lease.acquiredAt().plus(lease.atLeast());
		Instant until = earliest.isAfter(now) ? earliest : now;
		ownTransaction.executeWithoutResult(status -> jdbc
			.sql("update job_lock set locked_until = ? where name = ? and locked_by = ? and locked_at = ?")
			.params(utc(until), lease.name(), lease.owner(), utc(lease.acquiredAt()))
			.update());
	}

	/**
	 * Runs {@code job} if the lock can be had, and releases it afterwards.
	 * @return whether the job ran here
	 */
	public boolean runExclusively(String name, Duration atMost, Duration atLeast, Runnable job) {
		Optional<Lease> lease = tryAcquire(name, atMost, atLeast);
		if (lease.isEmpty()) {
			return false;
		}
		try {
			job.run();
			return true;
		}
		finally {
			release(lease.get());
		}
	}

	private boolean insertIfAbsent(String name, Instant now, Instant until) {
		try {
			return Boolean.TRUE.equals(ownTransaction.execute(status -> jdbc
				.sql("insert into job_lock (name, locked_until, locked_at, locked_by) values (?, ?, ?, ?)")
				.params(name, utc(until), utc(now), owner)
				.update() == 1));
		}
		catch (DuplicateKeyException ex) {
			// the row exists and its holder's time is not up (or another node inserted it
			// first)
			return false;
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
