package jp.mamori.reminder;

import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;

/**
 * A reminder listing {@code tasks} of the organisation's tasks was mailed to a member.
 */
public record TaskReminderSent(OrgId org, String username, int tasks) implements Auditable {

	@Override
	public AuditFacts audit() {
		return new AuditFacts(org, "system", "reminder.mail.sent", username, "是正課題 " + tasks + "件");
	}

}
