package jp.mamori.network;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One uploaded configuration or scan and what its analysis found.
 *
 * @param id the analysis
 * @param kind configuration or scan
 * @param fileName the name as uploaded
 * @param sha256 the content's hash (the same file uploaded again replaces this analysis)
 * @param format the vendor id ({@code rtx} …) for a configuration, {@code nmap} for a
 * scan
 * @param hostname the device's host name from the configuration, or empty
 * @param items filter rules read (configuration) or hosts that answered (scan)
 * @param skipped lines or entries that could not be read
 * @param findings findings stored
 * @param notes what the user should know about the reading, in Japanese
 * @param deviceId the device-ledger row the configuration belongs to, or null
 * @param analysedAt when
 * @param analysedBy by whom
 */
public record NetworkAnalysis(UUID id, AnalysisKind kind, String fileName, String sha256, String format,
		String hostname, int items, long skipped, int findings, List<String> notes, UUID deviceId, Instant analysedAt,
		String analysedBy) {

	public NetworkAnalysis {
		hostname = hostname == null ? "" : hostname;
		notes = List.copyOf(notes);
	}

}
