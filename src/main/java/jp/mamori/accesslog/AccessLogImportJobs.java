package jp.mamori.accesslog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.JobRuns;
import jp.mamori.shared.OrgId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.lang.management.ManagementFactory;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Log uploads run in the background so that large files show their progress: the page
 * starts a job with the uploaded files (kept in temporary files), polls it, and sees one
 * summary per file, then the analysis. Each file is its own transaction: a file that
 * cannot be read is reported and changes nothing, the others still go in. Progress lives
 * in this node's memory (polling goes to the node that started it, as a session does);
 * each job is also written down in {@link JobRuns}, so that a job cut off by a crash is
 * shown as failed after the restart. Uploads wait in {@link #uploadDirectory()}; what a
 * crashed process left there is deleted when the web server starts again.
 */
@Component
public class AccessLogImportJobs {

	private static final Logger log = LoggerFactory.getLogger(AccessLogImportJobs.class);

	/** A file waiting in a job. */
	public record PendingFile(String fileName, Path path, long bytes) {
	}

	/** One file's outcome: the import, or the error message. */
	public record FileOutcome(String fileName, ImportedFile result, String error) {
	}

	/**
	 * Where a job stands.
	 *
	 * @param currentFile the file being read, or null
	 * @param bytesDone bytes read of all files
	 * @param bytesTotal bytes of all files
	 * @param outcomes the files done
	 * @param analysing whether the files are in and the analysis runs
	 * @param finished whether all is done
	 * @param findings findings after the analysis
	 */
	public record Progress(UUID id, OrgId org, String currentFile, long bytesDone, long bytesTotal,
			List<FileOutcome> outcomes, boolean analysing, boolean finished, int findings) {

		/**
		 * Whether this job was cut off by a crash or restart (nothing of it was stored).
		 */
		public boolean interrupted() {
			return finished && outcomes.size() == 1 && JobRuns.INTERRUPTED.equals(outcomes.get(0).error());
		}

		public int percent() {
			if (finished) {
				return 100;
			}
			return bytesTotal == 0 ? 0 : (int) Math.min(99, bytesDone * 100 / bytesTotal);
		}

	}

	/** What {@link JobRuns} calls these jobs. */
	public static final String KIND = "accesslog";

	private static final long PROGRESS_ROW_BYTES = 2L * 1024 * 1024;

	private final Map<UUID, Progress> jobs = new ConcurrentHashMap<>();

	private final ImportAccessLog importer;

	private final AnalyseAccessLogs analyser;

	private final TaskExecutor executor;

	private final JobRuns runs;

	AccessLogImportJobs(ImportAccessLog importer, AnalyseAccessLogs analyser,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, JobRuns runs) {
		this.runs = runs;
		this.importer = importer;
		this.analyser = analyser;
		this.executor = executor;
	}

	/**
	 * Starts importing files (which this job deletes when done); returns the job to poll.
	 */
	public UUID start(OrgId org, UUID sourceId, LogFormat format, List<PendingFile> files, String by) {
		if (files.isEmpty()) {
			throw new BadInputException("ログファイルを選んでください");
		}
		UUID id = UUID.randomUUID();
		long total = files.stream().mapToLong(PendingFile::bytes).sum();
		jobs.put(id, new Progress(id, org, files.get(0).fileName(), 0, total, List.of(), false, false, 0));
		runs.begin(id, org, KIND, subject(files), by);
		executor.execute(() -> run(id, org, sourceId, format, files, by, total));
		return id;
	}

	/** Runs the same work on the calling thread (tests, the API). */
	public Progress runNow(OrgId org, UUID sourceId, LogFormat format, List<PendingFile> files, String by) {
		UUID id = UUID.randomUUID();
		long total = files.stream().mapToLong(PendingFile::bytes).sum();
		jobs.put(id, new Progress(id, org, null, 0, total, List.of(), false, false, 0));
		runs.begin(id, org, KIND, subject(files), by);
		run(id, org, sourceId, format, files, by, total);
		return jobs.get(id);
	}

	private void run(UUID id, OrgId org, UUID sourceId, LogFormat format, List<PendingFile> files, String by,
			long total) {
		List<FileOutcome> outcomes = new ArrayList<>();
		long done = 0;
		long[] written = new long[1];
		try {
			for (PendingFile file : files) {
				long before = done;
				jobs.put(id,
						new Progress(id, org, file.fileName(), done, total, List.copyOf(outcomes), false, false, 0));
				try (InputStream in = Files.newInputStream(file.path())) {
					ImportedFile result = importer.importFile(org, sourceId, file.fileName(), in, format, by, read -> {
						jobs.computeIfPresent(id, (k, p) -> new Progress(id, org, file.fileName(), before + read, total,
								p.outcomes(), false, false, 0));
						// the row only every 2 MiB: it is for other nodes and for
						// telling a live job from a dead one, not for the bar
						if (before + read - written[0] >= PROGRESS_ROW_BYTES) {
							written[0] = before + read;
							runs.progress(id, before + read, total);
						}
					});
					outcomes.add(new FileOutcome(file.fileName(), result, null));
				}
				catch (BadInputException ex) {
					outcomes.add(new FileOutcome(file.fileName(), null, ex.getMessage()));
				}
				catch (IOException | RuntimeException ex) {
					log.warn("log import failed: {}", file.fileName(), ex);
					outcomes.add(new FileOutcome(file.fileName(), null, "取り込みに失敗しました: " + ex.getMessage()));
				}
				done += file.bytes();
			}
			jobs.put(id, new Progress(id, org, null, done, total, List.copyOf(outcomes), true, false, 0));
			runs.progress(id, done, total);
			int found = analyser.analyse(org).size();
			jobs.put(id, new Progress(id, org, null, done, total, List.copyOf(outcomes), false, true, found));
			List<String> errors = outcomes.stream().map(FileOutcome::error).filter(e -> e != null).toList();
			if (errors.isEmpty()) {
				runs.succeeded(id, "検出 " + found + " 件");
			}
			else {
				runs.failed(id, String.join(" / ", errors));
			}
		}
		catch (RuntimeException ex) {
			log.warn("log analysis failed", ex);
			outcomes.add(new FileOutcome("", null, "解析に失敗しました: " + ex.getMessage()));
			jobs.put(id, new Progress(id, org, null, done, total, List.copyOf(outcomes), false, true, 0));
			runs.failed(id, "解析に失敗しました: " + ex.getMessage());
		}
		finally {
			for (PendingFile file : files) {
				try {
					Files.deleteIfExists(file.path());
				}
				catch (IOException ex) {
					log.warn("temporary upload not deleted: {}", file.path());
				}
			}
		}
	}

	/**
	 * A job of this organisation: from this node's memory, else as written down (a job
	 * started before a restart, or on another node) while it runs or once it failed.
	 */
	public Optional<Progress> find(OrgId org, UUID id) {
		Optional<Progress> here = Optional.ofNullable(jobs.get(id)).filter(p -> p.org().equals(org));
		if (here.isPresent()) {
			return here;
		}
		return runs.find(org, id)
			.filter(run -> KIND.equals(run.kind()) && run.state() != JobRuns.State.SUCCEEDED)
			.map(run -> run.state() == JobRuns.State.RUNNING
					? new Progress(id, org, run.subject(), run.done(), run.total(), List.of(), false, false, 0)
					: new Progress(id, org, null, run.done(), run.total(),
							List.of(new FileOutcome(run.subject(), null, run.message())), false, true, 0));
	}

	/**
	 * A new empty file in {@link #uploadDirectory()} for an upload to wait in until its
	 * job has read it.
	 */
	public static Path newUploadFile() throws IOException {
		Path dir = uploadDirectory();
		Files.createDirectories(dir);
		return Files.createTempFile(dir, "mamori-log-", ".upload");
	}

	/** Where uploaded logs wait for their job: {@code mamori-uploads} in the temp dir. */
	public static Path uploadDirectory() {
		return Path.of(System.getProperty("java.io.tmpdir"), "mamori-uploads");
	}

	/**
	 * Deletes uploads left by an earlier process (one killed before its job could delete
	 * them): files last written before this JVM started.
	 * @return how many were deleted
	 */
	public static int deleteLeftUploads() {
		Path dir = uploadDirectory();
		if (!Files.isDirectory(dir)) {
			return 0;
		}
		FileTime started = FileTime.fromMillis(ManagementFactory.getRuntimeMXBean().getStartTime());
		int deleted = 0;
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.toList()) {
				if (file.getFileName().toString().endsWith(".upload")
						&& Files.getLastModifiedTime(file).compareTo(started) < 0 && Files.deleteIfExists(file)) {
					deleted++;
				}
			}
		}
		catch (IOException ex) {
			log.warn("could not clean {}", dir, ex);
		}
		return deleted;
	}

	@EventListener(WebServerInitializedEvent.class)
	void onServerStarted() {
		int deleted = deleteLeftUploads();
		if (deleted > 0) {
			log.warn("{} upload(s) left by an earlier run deleted from {}", deleted, uploadDirectory());
		}
	}

	private static String subject(List<PendingFile> files) {
		return String.join(", ", files.stream().map(PendingFile::fileName).toList());
	}

}
