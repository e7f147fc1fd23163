package jp.mamori.backup;

import java.time.Instant;

/**
 * The result of the last scheduled (or started-from-the-page) backup, and when the last
 * successful one was written.
 */
public record BackupStatus(Instant lastAttemptAt, Instant lastSuccessAt, Boolean lastOk, String lastFile, Long lastSize,
		String lastError) {

}
