package jp.mamori.audit.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import jp.mamori.audit.AuditEntry;
import jp.mamori.shared.ClockConfiguration;

/**
 * One entry as the page and the exports show it: time in Japan time, the action in words.
 */
public record AuditRow(long seq, LocalDateTime time, String actor, String action, String actionLabel, String target,
		String detail, String hash, String prevHash) {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	static AuditRow of(AuditEntry entry, String actionLabel) {
		return new AuditRow(entry.seq(), entry.occurredAt().atZone(ClockConfiguration.JAPAN).toLocalDateTime(),
				entry.actor(), entry.action(), actionLabel, entry.target(), entry.detail(), entry.hash(),
				entry.prevHash());
	}

	public String timeText() {
		return TIME.format(time);
	}

	public String shortHash() {
		return hash.substring(0, Math.min(12, hash.length()));
	}

}
