package jp.mamori.accesslog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jp.mamori.accesslog.internal.AccessLogPartitions;
import jp.mamori.shared.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retention of log events by policy ({@code mamori.accesslog.retention-months}, 0 = keep
 * everything): the current month (in Japan) and the N months before it are kept, older
 * ones go. On PostgreSQL whole monthly partitions are dropped, not rows; on H2 rows are
 * deleted by time. Runs nightly on one node at a time (JobLock); imports, findings and
 * reviews stay, only the raw events go, so a finding older than the policy keeps its
 * summary but loses its drill-down.
 */
@Component
public class AccessLogRetention {

	private static final Logger log = LoggerFactory.getLogger(AccessLogRetention.class);

	static final String LOCK = "accesslog-retention";

	/** What one run did: whether it ran here, the months dropped and the rows deleted. */
	public record Run(boolean ran, List<YearMonth> partitionsDropped, int rowsDeleted) {
	}

	private final AccessLogPartitions partitions;

	private final JobLock lock;

	private final Clock clock;

	private final int months;

	AccessLogRetention(AccessLogPartitions partitions, JobLock lock, Clock clock,
			@Value("${mamori.accesslog.retention-months:0}") int months) {
		this.partitions = partitions;
		this.lock = lock;
		this.clock = clock;
		this.months = Math.max(0, months);
	}

	/** The first month kept, or null when everything is kept. */
	public YearMonth keepFrom() {
		return months == 0 ? null
				: YearMonth.from(clock.instant().atZone(AccessLogPartitions.JAPAN)).minusMonths(months);
	}

	/** The earliest event time the policy keeps ({@link Instant#EPOCH} for all). */
	public Instant keptSince() {
		YearMonth from = keepFrom();
		return from == null ? Instant.EPOCH : AccessLogPartitions.start(from);
	}

	@Scheduled(cron = "${mamori.accesslog.retention-cron:0 30 3 * * *}", zone = "Asia/Tokyo")
	void nightly() {
		Run run = purgeNow();
		if (run.ran() && (!run.partitionsDropped().isEmpty() || run.rowsDeleted() > 0)) {
			log.info("accesslog retention: dropped partitions {}, deleted {} rows", run.partitionsDropped(),
					run.rowsDeleted());
		}
	}

	/**
	 * Removes what the policy no longer keeps, now (what the nightly schedule does);
	 * nothing when no policy is set or when another node is at it.
	 */
	public Run purgeNow() {
		YearMonth from = keepFrom();
		if (from == null) {
			return new Run(false, List.of(), 0);
		}
		AtomicReference<Run> result = new AtomicReference<>(new Run(false, List.of(), 0));
		// no minimum hold: a second run finds nothing left to remove
		lock.runExclusively(LOCK, Duration.ofHours(1), Duration.ZERO, () -> {
			AccessLogPartitions.Purged purged = partitions.dropBefore(from);
			result.set(new Run(true, purged.partitions(), purged.rows()));
		});
		return result.get();
	}

}
