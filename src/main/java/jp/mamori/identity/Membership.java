package jp.mamori.identity;

import jp.mamori.shared.OrgId;

/** A user's role in one organisation. */
public record Membership(OrgId org, java.util.UUID userId, OrgRole role) {

}
