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
import jp.mamori.shared.OrgId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Log uploads run in the background so that large files show their progress: the page
 * starts a job with the uploaded files (kept in temporary files), polls it, and sees one
 * summary per file, then the analysis. Each file is its own transaction: a file that
 * cannot be read is reported and changes nothing, the others still go in. Jobs live in
 * this node's memory (polling goes to the node that started it, as a session does).
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

		public int percent() {
			if (finished) {
				return 100;
			}
			return bytesTotal == 0 ? 0 : (int) Math.min(99, bytesDone * 100 / bytesTotal);
		}

	}

	private final Map<UUID, Progress> jobs = new ConcurrentHashMap<>();

	private final ImportAccessLog importer;

	private final AnalyseAccessLogs analyser;

	private final TaskExecutor executor;

	AccessLogImportJobs(ImportAccessLog importer, AnalyseAccessLogs analyser,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
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
		executor.execute(() -> run(id, org, sourceId, format, files, by, total));
		return id;
	}

	/** Runs the same work on the calling thread (tests, the API). */
	public Progress runNow(OrgId org, UUID sourceId, LogFormat format, List<PendingFile> files, String by) {
		UUID id = UUID.randomUUID();
		long total = files.stream().mapToLong(PendingFile::bytes).sum();
		jobs.put(id, new Progress(id, org, null, 0, total, List.of(), false, false, 0));
		run(id, org, sourceId, format, files, by, total);
		return jobs.get(id);
	}

	private void run(UUID id, OrgId org, UUID sourceId, LogFormat format, List<PendingFile> files, String by,
			long total) {
		List<FileOutcome> outcomes = new ArrayList<>();
		long done = 0;
		try {
			for (PendingFile file : files) {
				long before = done;
				jobs.put(id,
						new Progress(id, org, file.fileName(), done, total, List.copyOf(outcomes), false, false, 0));
				try (InputStream in = Files.newInputStream(file.path())) {
					ImportedFile result = importer.importFile(org, sourceId, file.fileName(), in, format, by,
							read -> jobs.computeIfPresent(id, (k, p) -> new Progress(id, org, file.fileName(),
									before + read, total, p.outcomes(), false, false, 0)));
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
			int found = analyser.analyse(org).size();
			jobs.put(id, new Progress(id, org, null, done, total, List.copyOf(outcomes), false, true, found));
		}
		catch (RuntimeException ex) {
			log.warn("log analysis failed", ex);
			outcomes.add(new FileOutcome("", null, "解析に失敗しました: " + ex.getMessage()));
			jobs.put(id, new Progress(id, org, null, done, total, List.copyOf(outcomes), false, true, 0));
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

	/** A job of this organisation, if this node knows it. */
	public Optional<Progress> find(OrgId org, UUID id) {
		return Optional.ofNullable(jobs.get(id)).filter(p -> p.org().equals(org));
	}

}
