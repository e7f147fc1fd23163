package jp.mamori.identity;

/** A member of an organisation and whether they log in with two factors. */
public record MemberTwoFactor(String username, String displayName, OrgRole role, boolean enabled) {

}
