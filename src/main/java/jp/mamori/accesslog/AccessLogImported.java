package jp.mamori.accesslog;

import java.util.UUID;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A log file was imported into an organisation's event store.
 *
 * @param org the organisation
 * @param importId the import
 * @param sourceId the ログリスト row, or null
 * @param fileName the file's name
 * @param events events read
 * @param added events new to the store
 * @param by who imported it
 */
public record AccessLogImported(OrgId org, UUID importId, UUID sourceId, String fileName, long events, long added,
		String by) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, by, "accesslog.imported", fileName, events + "件読込・" + added + "件追加");
	}

}
