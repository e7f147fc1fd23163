package jp.mamori.identity;

import java.util.UUID;

/** A person who logs in to Mamori. */
public record UserAccount(UUID id, String username, String displayName, boolean enabled, boolean systemAdmin) {

}
