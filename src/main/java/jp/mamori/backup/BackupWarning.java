package jp.mamori.backup;

import java.time.Instant;

/**
 * Why the dashboard warns about backups: scheduling is on but no backup succeeded yet, or
 * the last successful one is older than the policy allows.
 *
 * @param lastSuccessAt the last successful backup, null when there is none
 * @param maxAgeDays the policy
 */
public record BackupWarning(Instant lastSuccessAt, int maxAgeDays) {

	public boolean never() {
		return lastSuccessAt == null;
	}

}
