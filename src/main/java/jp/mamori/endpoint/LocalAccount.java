package jp.mamori.endpoint;

import java.time.Instant;
import java.util.UUID;

/**
 * A local account of an imported machine; {@code accountRowId} is the account-ledger row
 * with the same user id, when there is one.
 */
public record LocalAccount(String name, String fullName, boolean enabled, boolean administrator, Instant lastLogon,
		String passwordLastSet, Boolean passwordNeverExpires, UUID accountRowId) {
}
