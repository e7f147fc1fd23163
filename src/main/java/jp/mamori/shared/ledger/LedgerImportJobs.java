package jp.mamori.shared.ledger;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jp.mamori.shared.JobRuns;
import jp.mamori.shared.OrgId;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Imports run in the background so that a large file shows its progress instead of a
 * spinning page: the page starts a job and polls it. Progress lives in this node's memory
 * (polling goes to the node that started it, as a session does); each job is also written
 * down in {@link JobRuns}, so that a job cut off by a crash is shown as failed after the
 * restart instead of vanishing. The import itself is one transaction: a crash leaves
 * nothing of it.
 */
@Component
public class LedgerImportJobs {

	/** Where a job stands; {@code result} or {@code error} once it has finished. */
	public record Progress(UUID id, OrgId org, String ledger, String fileName, int rowsDone, int rowsTotal,
			boolean finished, LedgerRecords.ImportResult result, java.util.List<LedgerError> errors) {

		/**
		 * Whether this job was cut off by a crash or restart (nothing of it was stored).
		 */
		public boolean interrupted() {
			return finished && result == null && errors != null && errors.size() == 1
					&& JobRuns.INTERRUPTED.equals(errors.get(0).message());
		}

		public int percent() {
			return rowsTotal == 0 ? (finished ? 100 : 0) : Math.min(100, rowsDone * 100 / rowsTotal);
		}

	}

	private final Map<UUID, Progress> jobs = new ConcurrentHashMap<>();

	private final LedgerRecords records;

	private final LedgerUploads uploads;

	private final TaskExecutor executor;

	private final JobRuns runs;

	LedgerImportJobs(LedgerRecords records, LedgerUploads uploads,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor, JobRuns runs) {
		this.runs = runs;
		this.records = records;
		this.uploads = uploads;
		this.executor = executor;
	}

	/** Starts importing a kept upload; returns the job to poll. */
	public UUID start(LedgerDefinition ledger, OrgId org, LedgerUploads.Upload upload, String by) {
		UUID id = UUID.randomUUID();
		jobs.put(id, new Progress(id, org, ledger.id(), upload.fileName(), 0, 0, false, null, null));
		runs.begin(id, org, kind(ledger), upload.fileName(), by);
		executor.execute(() -> {
			try {
				var result = run(id, ledger, org, upload.fileName(), upload.content(), upload.encoding(), by);
				uploads.discard(org, upload.id());
				jobs.put(id, new Progress(id, org, ledger.id(), upload.fileName(), result.rows(), result.rows(), true,
						result, java.util.List.of()));
			}
			catch (InvalidLedgerDataException ex) {
				jobs.put(id, new Progress(id, org, ledger.id(), upload.fileName(), 0, 0, true, null, ex.errors()));
			}
			catch (RuntimeException ex) {
				jobs.put(id, new Progress(id, org, ledger.id(), upload.fileName(), 0, 0, true, null,
						java.util.List.of(new LedgerError(null, null, failure(ex)))));
			}
		});
		return id;
	}

	/**
	 * Imports on the calling thread (the REST API), written down in {@link JobRuns} like
	 * a background job; errors are thrown as by {@link LedgerRecords#importFile}.
	 */
	public LedgerRecords.ImportResult runNow(LedgerDefinition ledger, OrgId org, String fileName, byte[] content,
			String encoding, String by) {
		UUID id = UUID.randomUUID();
		runs.begin(id, org, kind(ledger), fileName == null ? "" : fileName, by);
		return run(id, ledger, org, fileName, content, encoding, by);
	}

	private LedgerRecords.ImportResult run(UUID id, LedgerDefinition ledger, OrgId org, String fileName, byte[] content,
			String encoding, String by) {
		AtomicInteger lastReported = new AtomicInteger();
		try {
			var result = records.importFile(ledger, org, fileName, content, encoding, by, (done, total) -> {
				// report every 500 rows, and the last one
				if (done == total || done - lastReported.get() >= 500) {
					lastReported.set(done);
					jobs.computeIfPresent(id,
							(k, p) -> new Progress(id, org, ledger.id(), fileName, done, total, false, null, null));
					runs.progress(id, done, total);
				}
			});
			runs.succeeded(id, "追加 " + result.inserted() + " 件、更新 " + result.updated() + " 件");
			return result;
		}
		catch (InvalidLedgerDataException ex) {
			runs.failed(id, "取り込めない行があります（" + ex.errors().size() + " 件）");
			throw ex;
		}
		catch (RuntimeException ex) {
			runs.failed(id, failure(ex));
			throw ex;
		}
	}

	private static String failure(RuntimeException ex) {
		return ex instanceof jp.mamori.shared.BadInputException ? ex.getMessage() : "取り込みに失敗しました: " + ex.getMessage();
	}

	private static String kind(LedgerDefinition ledger) {
		return "ledger:" + ledger.id();
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
			.filter(run -> run.kind().startsWith("ledger:") && run.state() != JobRuns.State.SUCCEEDED)
			.map(run -> run.state() == JobRuns.State.RUNNING
					? new Progress(id, org, run.kind().substring(7), run.subject(), (int) run.done(), (int) run.total(),
							false, null, null)
					: new Progress(id, org, run.kind().substring(7), run.subject(), 0, 0, true, null,
							java.util.List.of(new LedgerError(null, null, run.message()))));
	}

}
