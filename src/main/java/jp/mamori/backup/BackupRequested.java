package jp.mamori.backup;

import jp.mamori.shared.Auditable;

/**
 * A system administrator changed the backup settings, started a backup into the directory
 * or downloaded one (a copy of every organisation's data leaving the server): an
 * instance-wide audit entry.
 *
 * @param actor the administrator
 * @param action {@code backup.settings.changed}, {@code backup.started} or
 * {@code backup.downloaded}
 * @param detail the settings or the file
 */
public record BackupRequested(String actor, String action, String detail) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(null, actor, action, "backup", detail);
	}

}
