package jp.mamori.organization;

import java.time.Instant;

import jp.mamori.shared.OrgId;

/** An organisation that answers checklists (or a vendor / group that serves several). */
public record Organization(OrgId id, String name, OrgKind kind, Instant createdAt) {

}
