package jp.mamori.endpoint.facts;

import jp.mamori.shared.Severity;

/**
 * One thing to fix on one machine. {@code id} is one of the stable ids of the contract
 * ({@code av-disabled}, {@code patch-stale} …); {@code summary} and {@code fix} are
 * Japanese; {@code evidence} quotes the facts the finding rests on.
 */
public record EndpointFinding(String id, Severity severity, String hostname, String file, String summary, String fix,
		String evidence) {
}
