package jp.mamori.accesslog.parser;

/** What a log record says happened, across formats. */
public enum EventKind {

	/**
	 * A logon / login / authentication succeeded (4624, 1149, sshd Accepted, VPN tunnel
	 * up, admin login).
	 */
	AUTH_SUCCESS(Outcome.SUCCESS),
	/**
	 * A logon / login / authentication failed (4625, sshd Failed password, 18456, admin
	 * login failed).
	 */
	AUTH_FAILURE(Outcome.FAILURE),
	/**
	 * A logon with explicit credentials was attempted (4648): the subject tried
	 * {@code user}.
	 */
	EXPLICIT_CREDENTIALS(Outcome.NONE),
	/** A session ended (logoff, tunnel down, logout). */
	SESSION_END(Outcome.NONE),
	/** An account was created (4720, useradd). */
	ACCOUNT_CREATED(Outcome.SUCCESS),
	/** An account was deleted (4726, userdel). */
	ACCOUNT_DELETED(Outcome.SUCCESS),
	/** A member was added to a group (4728/4732/4756): {@code target} is the group. */
	GROUP_MEMBER_ADDED(Outcome.SUCCESS),
	/** An event log was cleared (1102, 104). */
	LOG_CLEARED(Outcome.SUCCESS),
	/** Privileges were used or switched (sudo, su). */
	PRIVILEGE_USE(Outcome.NONE),
	/** A firewall/router let traffic through. */
	TRAFFIC_ALLOWED(Outcome.SUCCESS),
	/** A firewall/router dropped or rejected traffic. */
	TRAFFIC_DENIED(Outcome.FAILURE),
	/**
	 * A web server answered a request: {@code target} is the path, {@code status} the
	 * HTTP status.
	 */
	WEB_REQUEST(Outcome.NONE),
	/** A process was started (4688). */
	PROCESS_STARTED(Outcome.NONE),
	/** A line of an error log (recognised as such, never read as an access log). */
	ERROR(Outcome.NONE),
	/** Anything else the format records (kept for counts, time range and drill-down). */
	OTHER(Outcome.NONE);

	private final Outcome outcome;

	EventKind(Outcome outcome) {
		this.outcome = outcome;
	}

	/** The outcome a record of this kind has unless the record says otherwise. */
	public Outcome outcome() {
		return outcome;
	}

}
