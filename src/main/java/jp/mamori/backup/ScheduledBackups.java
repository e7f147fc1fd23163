package jp.mamori.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.mamori.backup.internal.BackupScheduleRepository;
import jp.mamori.shared.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Backs the instance up into a directory once a day at the configured time (Japan),
 * keeping the configured number of generations, on exactly one node (a {@link JobLock}).
 * Each file is {@code mamori-backup-YYYYMMDD-HHMM.zip}, written under a temporary name
 * and moved into place when complete; older generations are deleted only after a new one
 * is in place. The result (time, file, size, or the error) is kept for the settings page
 * and for the dashboard's warning.
 */
@Component
public class ScheduledBackups {

	static final String LOCK = "backup";

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	static final DateTimeFormatter FILE_NAME = DateTimeFormatter.ofPattern("'mamori-backup-'yyyyMMdd-HHmm'.zip'");

	static final Pattern GENERATION = Pattern.compile("mamori-backup-\\d{8}-\\d{4}\\.zip");

	static final Pattern LEFT_OVER = Pattern.compile("mamori-backup-\\d{8}-\\d{4}\\.zip\\.part");

	private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);

	/** What one attempt did. */
	public record Run(boolean ran, boolean ok, Path file, String error) {

		static Run elsewhere() {
			return new Run(false, false, null, null);
		}

	}

	private final DatabaseBackup backup;

	private final BackupScheduleRepository repository;

	private final JobLock lock;

	private final Clock clock;

	private final boolean commandLine;

	ScheduledBackups(DatabaseBackup backup, BackupScheduleRepository repository, JobLock lock, Clock clock,
			Environment environment) {
		this.backup = backup;
		this.repository = repository;
		this.lock = lock;
		this.clock = clock;
		this.commandLine = environment.matchesProfiles("cli");
	}

	/**
	 * {@code mamori-backup-YYYYMMDD-HHMM.zip} for a backup taken at {@code at} (Japan
	 * time).
	 */
	public static String fileName(Instant at) {
		return FILE_NAME.format(at.atZone(JAPAN));
	}

	public BackupSettings settings() {
		return repository.settings();
	}

	public void save(BackupSettings settings) {
		repository.save(settings);
	}

	public BackupStatus status() {
		return repository.status();
	}

	/**
	 * The dashboard's warning: the last successful backup is older than the policy, or
	 * scheduling is on and none has succeeded yet.
	 */
	public Optional<BackupWarning> warning() {
		BackupSettings settings = repository.settings();
		BackupStatus status = repository.status();
		if (status.lastSuccessAt() == null) {
			return settings.enabled() ? Optional.of(new BackupWarning(null, settings.maxAgeDays())) : Optional.empty();
		}
		Instant limit = clock.instant().minus(Duration.ofDays(settings.maxAgeDays()));
		return status.lastSuccessAt().isBefore(limit)
				? Optional.of(new BackupWarning(status.lastSuccessAt(), settings.maxAgeDays())) : Optional.empty();
	}

	/** Checked every minute; runs the day's backup once its time has come. */
	@Scheduled(cron = "0 * * * * *")
	void everyMinute() {
		// a command-line run (e.g. a long restore) is not the server: it never starts the
		// schedule's backup
		if (!commandLine && isDue()) {
			Run run = runNow();
			if (run.ran() && !run.ok()) {
				log.warn("scheduled backup failed: {}", run.error());
			}
		}
	}

	/** Whether scheduling is on, today's time has come and no attempt was made since. */
	public boolean isDue() {
		BackupSettings settings = repository.settings();
		if (!settings.enabled()) {
			return false;
		}
		ZonedDateTime now = clock.instant().atZone(JAPAN);
		Instant todays = now.toLocalDate().atTime(settings.dailyTime()).atZone(JAPAN).toInstant();
		Instant last = repository.status().lastAttemptAt();
		return !now.toInstant().isBefore(todays) && (last == null || last.isBefore(todays));
	}

	/**
	 * Writes a backup into the configured directory now (the schedule, or the page's
	 * button), unless another node is writing one.
	 */
	public Run runNow() {
		AtomicReference<Run> result = new AtomicReference<>(Run.elsewhere());
		lock.runExclusively(LOCK, Duration.ofHours(6), Duration.ZERO, () -> result.set(attempt()));
		return result.get();
	}

	private Run attempt() {
		BackupSettings settings = repository.settings();
		Instant at = clock.instant();
		try {
			if (settings.directory() == null) {
				throw new IllegalStateException("保存先フォルダが設定されていません。");
			}
			Path directory = Path.of(settings.directory());
			Files.createDirectories(directory);
			Path file = directory.resolve(fileName(at));
			backup.writeTo(file,
					PassphraseFile.read(settings.passphraseFile() == null ? null : Path.of(settings.passphraseFile())));
			long size = Files.size(file);
			prune(directory, settings.generations(), file);
			repository.recordSuccess(at, file.toString(), size);
			return new Run(true, true, file, null);
		}
		catch (IOException | RuntimeException ex) {
			String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
			if (ex.getCause() != null && ex.getCause().getMessage() != null) {
				message += "（" + ex.getCause().getMessage() + "）";
			}
			repository.recordFailure(at, message);
			return new Run(true, false, null, message);
		}
	}

	/**
	 * Deletes the generations beyond the newest {@code keep}, and temporary files left by
	 * an attempt that was killed. Only Mamori's own file names are touched: the directory
	 * may hold other things.
	 */
	static void prune(Path directory, int keep, Path written) throws IOException {
		List<Path> generations;
		try (Stream<Path> files = Files.list(directory)) {
			generations = files.filter(f -> GENERATION.matcher(f.getFileName().toString()).matches())
				.sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
				.toList();
		}
		for (Path old : generations.subList(Math.min(keep, generations.size()), generations.size())) {
			if (!old.equals(written)) {
				Files.deleteIfExists(old);
			}
		}
		try (Stream<Path> files = Files.list(directory)) {
			for (Path left : files.filter(f -> LEFT_OVER.matcher(f.getFileName().toString()).matches()).toList()) {
				Files.deleteIfExists(left);
			}
		}
	}

}
