package jp.mamori.audit;

import java.time.Instant;

import jp.mamori.shared.OrgId;

/** One link of the chain. */
public record AuditEntry(long seq, OrgId org, Instant occurredAt, String actor, String action, String target,
		String detail, String prevHash, String hash) {

	/**
	 * The hash this entry must carry, computed from its content and the previous entry's
	 * hash.
	 */
	public String expectedHash() {
		return AuditTrail.hash(prevHash, seq, org, occurredAt, actor, action, target, detail);
	}

}
