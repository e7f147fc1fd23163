package jp.mamori.network.config;

import java.util.Objects;

import jp.mamori.shared.Severity;

/**
 * One thing wrong with a device configuration, pointing at the line that causes it.
 *
 * @param kind what kind of finding ({@link FindingKind#id()} is the stable id)
 * @param severity how urgent
 * @param file the configuration file
 * @param line the line in that file (0 when the problem is a line that is missing)
 * @param rule the rule, user or setting concerned (may be empty)
 * @param service the traffic concerned, e.g. {@code tcp/3389 (リモートデスクトップ (RDP))}
 * @param iface the interface or zone concerned ({@code any} for all)
 * @param summary what it means, in plain Japanese for a clinic
 * @param fix the change in the vendor's own syntax where it is obvious, else empty
 * @param evidence the original line
 */
public record ConfigFinding(FindingKind kind, Severity severity, String file, int line, String rule, String service,
		String iface, String summary, String fix, String evidence) {

	public ConfigFinding {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(severity, "severity");
		rule = rule == null ? "" : rule;
		service = service == null ? "" : service;
		iface = iface == null ? "" : iface;
		fix = fix == null ? "" : fix;
		evidence = evidence == null ? "" : evidence;
	}

	/** The stable id ({@code any-source-allowed} …). */
	public String id() {
		return kind.id();
	}

}
