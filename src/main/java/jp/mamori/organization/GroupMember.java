package jp.mamori.organization;

import java.time.Instant;

import jp.mamori.shared.OrgId;

/**
 * One organisation's membership of a group.
 *
 * @param accepted whether the member's administrator (or the system administrator) has
 * accepted it; a pending membership gives the group nothing
 * @param since when it was accepted ({@code null} while pending)
 */
public record GroupMember(OrgId group, OrgId member, boolean accepted, DetailConsent consent, Instant requestedAt,
		String requestedBy, Instant since) {

}
