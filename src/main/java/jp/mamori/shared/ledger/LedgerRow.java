package jp.mamori.shared.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One stored row: typed values by column key (String, Long, LocalDate, Boolean, or List
 * of String for lists; null when empty).
 */
public record LedgerRow(UUID id, int version, Map<String, Object> values, Instant updatedAt, String updatedBy) {

	public Object value(String key) {
		return values.get(key);
	}

}
