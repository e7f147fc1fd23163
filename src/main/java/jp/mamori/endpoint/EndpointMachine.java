package jp.mamori.endpoint;

import java.time.Instant;
import java.util.UUID;

/**
 * A machine imported from a collector file: its device-ledger row, what the file said
 * about it in brief, and how many findings it has.
 */
public record EndpointMachine(UUID id, UUID deviceId, String hostname, String serial, String os, String role,
		Instant collectedAt, String fileName, int unreadSections, Instant importedAt, String importedBy, int findings) {
}
