/**
 * Detection rules over normalised log events: each rule ({@code brute-force},
 * {@code password-spray} … — ids are a contract) sees every event once in time order and
 * explains what it found in plain Japanese with the numbers, the accounts, sources and
 * hosts concerned and up to {@link jp.mamori.accesslog.rule.Finding#MAX_EVIDENCE}
 * evidence events.
 *
 * <p>
 * The same code streams millions of events from the event store, so a rule keeps state
 * per key (account, source, host), never per event: bursts are told from the last
 * {@code threshold} events of a key ({@code RecentEvents}), keys that went quiet for a
 * window are let go, and a finding in progress ({@code FindingDraft}) holds counts and at
 * most {@code MAX_EVIDENCE} events however many it counts. Plain Java, no Spring: the
 * offline command and the database-backed analysis run the same rules.
 */
package jp.mamori.accesslog.rule;
