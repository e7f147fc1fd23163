package jp.mamori.accesslog.rule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * Thresholds and business hours for the detection rules. Defaults suit a clinic or small
 * hospital; an organisation can change them.
 *
 * @param zone the zone business hours are in (Asia/Tokyo)
 * @param businessStart start of business hours
 * @param businessEnd end of business hours
 * @param businessDays days with business hours
 * @param bruteForceFailures failures against one account within {@code bruteForceWindow}
 * that make a brute-force finding
 * @param bruteForceWindow the window for brute-force and success-after-failures bursts
 * @param sprayAccounts distinct accounts one source (or subject) fails or tries
 * explicitly within {@code sprayWindow} that make a password-spray finding
 * @param sprayWindow the window for password spraying
 * @param createDeleteWindow an account deleted within this time of its creation is
 * suspicious
 * @param sqlFailures SQL Server login failures within {@code sqlWindow} that make a
 * finding
 * @param sqlWindow the window for SQL login failures
 */
public record RuleSettings(ZoneId zone, LocalTime businessStart, LocalTime businessEnd, Set<DayOfWeek> businessDays,
		int bruteForceFailures, Duration bruteForceWindow, int sprayAccounts, Duration sprayWindow,
		Duration createDeleteWindow, int sqlFailures, Duration sqlWindow) {

	public RuleSettings {
		businessDays = Set.copyOf(businessDays);
	}

	public static RuleSettings defaults() {
		return new RuleSettings(ZoneId.of("Asia/Tokyo"), LocalTime.of(8, 0), LocalTime.of(19, 0),
				EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), 5, Duration.ofMinutes(10), 5,
				Duration.ofMinutes(30), Duration.ofHours(24), 5, Duration.ofMinutes(10));
	}

	public RuleSettings withBusinessHours(LocalTime start, LocalTime end) {
		return new RuleSettings(zone, start, end, businessDays, bruteForceFailures, bruteForceWindow, sprayAccounts,
				sprayWindow, createDeleteWindow, sqlFailures, sqlWindow);
	}

	public RuleSettings withZone(ZoneId zone) {
		return new RuleSettings(zone, businessStart, businessEnd, businessDays, bruteForceFailures, bruteForceWindow,
				sprayAccounts, sprayWindow, createDeleteWindow, sqlFailures, sqlWindow);
	}

}
