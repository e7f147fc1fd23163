package jp.mamori.shared;

/**
 * An event that belongs in the audit trail. Modules publish their past-tense events; the
 * audit module records every event that implements this, without depending on the modules
 * themselves.
 */
public interface Auditable {

	AuditFacts audit();

	/**
	 * Every entry the event makes: one by default; an event about a person who belongs to
	 * several organisations (a login, a password change) is recorded in each
	 * organisation's trail.
	 */
	default java.util.List<AuditFacts> audits() {
		return java.util.List.of(audit());
	}

	/**
	 * One entry per organisation, or one instance-wide entry (org null) when there is
	 * none.
	 */
	static java.util.List<AuditFacts> perOrganization(java.util.List<OrgId> organizations, AuditFacts facts) {
		if (organizations.isEmpty()) {
			return java.util.List.of(facts);
		}
		return organizations.stream()
			.map(org -> new AuditFacts(org, facts.actor(), facts.action(), facts.target(), facts.detail()))
			.toList();
	}

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
