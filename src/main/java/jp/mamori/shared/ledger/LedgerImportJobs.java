package jp.mamori.shared.ledger;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jp.mamori.shared.OrgId;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Imports run in the background so that a large file shows its progress instead of a
 * spinning page: the page starts a job and polls it. Jobs live in this node's memory
 * (polling goes to the node that started it, as a session does); the import itself is
 * still one transaction.
 */
@Component
public class LedgerImportJobs {

	/** Where a job stands; {@code result} or {@code error} once it has finished. */
	public record Progress(UUID id, OrgId org, String ledger, String fileName, int rowsDone, int rowsTotal,
			boolean finished, LedgerRecords.ImportResult result, java.util.List<LedgerError> errors) {

		public int percent() {
			return rowsTotal == 0 ? (finished ? 100 : 0) : Math.min(100, rowsDone * 100 / rowsTotal);
		}

	}

	private final Map<UUID, Progress> jobs = new ConcurrentHashMap<>();

	private final LedgerRecords records;

	private final LedgerUploads uploads;

	private final TaskExecutor executor;

	LedgerImportJobs(LedgerRecords records, LedgerUploads uploads,
			@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
		this.records = records;
		this.uploads = uploads;
		this.executor = executor;
	}

	/** Starts importing a kept upload; returns the job to poll. */
	public UUID start(LedgerDefinition ledger, OrgId org, LedgerUploads.Upload upload, String by) {
		UUID id = UUID.randomUUID();
		jobs.put(id, new Progress(id, org, ledger.id(), upload.fileName(), 0, 0, false, null, null));
		AtomicInteger lastReported = new AtomicInteger();
		executor.execute(() -> {
			try {
				var result = records.importFile(ledger, org, upload.fileName(), upload.content(), upload.encoding(), by,
						(done, total) -> {
							// report every 500 rows, and the last one
							if (done == total || done - lastReported.get() >= 500) {
								lastReported.set(done);
								jobs.computeIfPresent(id, (k, p) -> new Progress(id, org, ledger.id(),
										upload.fileName(), done, total, false, null, null));
							}
						});
				uploads.discard(org, upload.id());
				jobs.put(id, new Progress(id, org, ledger.id(), upload.fileName(), result.rows(), result.rows(), true,
						result, java.util.List.of()));
			}
			catch (InvalidLedgerDataException ex) {
				jobs.put(id, new Progress(id, org, ledger.id(), upload.fileName(), 0, 0, true, null, ex.errors()));
			}
			catch (RuntimeException ex) {
				jobs.put(id, new Progress(id, org, ledger.id(), upload.fileName(), 0, 0, true, null,
						java.util.List.of(new LedgerError(null, null, "取り込みに失敗しました: " + ex.getMessage()))));
			}
		});
		return id;
	}

	/** A job of this organisation, if this node knows it. */
	public Optional<Progress> find(OrgId org, UUID id) {
		return Optional.ofNullable(jobs.get(id)).filter(p -> p.org().equals(org));
	}

}
