package jp.mamori.network;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored finding of a configuration or scan analysis, with its triage state.
 *
 * @param id the stored finding
 * @param analysisId the analysis it belongs to
 * @param key what identifies it when the same file is analysed again (its triage is kept)
 * @param findingId the stable finding id ({@code any-source-allowed},
 * {@code unregistered-device} …)
 * @param severity {@code high}, {@code medium}, {@code low} or {@code info}
 * @param line the line in the configuration (0 when none)
 * @param rule the rule, user or setting concerned, or the ledger device for a scan
 * @param service the traffic or service concerned
 * @param iface the interface or zone concerned
 * @param address the host's address (scans)
 * @param port the port (scans), or null
 * @param summary what it means, in plain Japanese
 * @param fix what to change
 * @param evidence the configuration line(s) behind it
 * @param state triage state
 * @param detectedAt when first found
 * @param updatedAt last change (re-analysis or triage)
 * @param version for optimistic locking of triage
 */
public record NetworkFinding(UUID id, UUID analysisId, String key, String findingId, String severity, int line,
		String rule, String service, String iface, String address, Integer port, String summary, String fix,
		String evidence, NetworkFindingState state, Instant detectedAt, Instant updatedAt, int version) {

	public NetworkFinding {
		rule = rule == null ? "" : rule;
		service = service == null ? "" : service;
		iface = iface == null ? "" : iface;
		address = address == null ? "" : address;
		fix = fix == null ? "" : fix;
		evidence = evidence == null ? "" : evidence;
	}

	/**
	 * Whether it still counts against the organisation: anything but 誤検知 (a confirmed
	 * setting is still wrong until it is changed and analysed again).
	 */
	public boolean counts() {
		return state != NetworkFindingState.FALSE_POSITIVE;
	}

	/** The severity's order, most urgent first. */
	public int severityRank() {
		return switch (severity) {
			case "high" -> 0;
			case "medium" -> 1;
			case "low" -> 2;
			default -> 3;
		};
	}

}
