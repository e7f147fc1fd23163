package jp.mamori.shared;

/**
 * An event that belongs in the audit trail. Modules publish their past-tense events; the
 * audit module records every event that implements this, without depending on the modules
 * themselves.
 */
public interface Auditable {

	AuditFacts audit();

	/**
	 * What the trail records of an event.
	 *
	 * @param org the organisation concerned, or null for instance-wide events (e.g. a
	 * catalog import)
	 * @param actor who did it (user name, or "system")
	 * @param action a stable code such as {@code assessment.round.submitted}
	 * @param target what it happened to
	 * @param detail a short before → after summary
	 */
	record AuditFacts(OrgId org, String actor, String action, String target, String detail) {
	}

}
