package jp.mamori.accesslog;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jp.mamori.accesslog.rule.RuleSettings;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Detection thresholds and business hours: the instance default
 * ({@code mamori.accesslog.business-hours=08:00-19:00} JST and
 * {@link RuleSettings#defaults()}), which each organisation can change on its log page.
 */
@Component
public class AccessLogSettings {

	private final RuleSettings ruleSettings;

	private final JdbcClient jdbc;

	private final Clock clock;

	AccessLogSettings(@Value("${mamori.accesslog.business-hours:08:00-19:00}") String businessHours, JdbcClient jdbc,
			Clock clock) {
		this.ruleSettings = withBusinessHours(RuleSettings.defaults(), businessHours);
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The instance default. */
	public RuleSettings ruleSettings() {
		return ruleSettings;
	}

	/** The organisation's settings, or the instance default. */
	public RuleSettings of(OrgId org) {
		return jdbc
			.sql("select business_start, business_end, business_days, brute_force_failures, brute_force_minutes, "
					+ "spray_accounts, spray_minutes, sql_failures from accesslog_settings where org_id = ?")
			.param(org.value())
			.query((rs, n) -> new RuleSettings(ruleSettings.zone(), rs.getObject(1, LocalTime.class),
					rs.getObject(2, LocalTime.class), days(rs.getString(3)), rs.getInt(4),
					Duration.ofMinutes(rs.getInt(5)), rs.getInt(6), Duration.ofMinutes(rs.getInt(7)),
					ruleSettings.createDeleteWindow(), rs.getInt(8), ruleSettings.sqlWindow()))
			.optional()
			.orElse(ruleSettings);
	}

	/**
	 * Stores the organisation's settings after checking each value; the Japanese error
	 * names the field.
	 */
	@org.springframework.transaction.annotation.Transactional
	public RuleSettings save(OrgId org, String start, String end, Set<DayOfWeek> days, Integer bruteForceFailures,
			Integer bruteForceMinutes, Integer sprayAccounts, Integer sprayMinutes, Integer sqlFailures, String by) {
		LocalTime from = time(start, "業務開始時刻");
		LocalTime to = time(end, "業務終了時刻");
		if (!to.isAfter(from)) {
			throw new BadInputException("業務終了時刻は業務開始時刻より後にしてください");
		}
		if (days == null || days.isEmpty()) {
			throw new BadInputException("業務日を1日以上選んでください");
		}
		int failures = range(bruteForceFailures, "総当たりとみなす失敗回数", 2, 1000);
		int failureMinutes = range(bruteForceMinutes, "総当たりを数える時間（分）", 1, 1440);
		int spray = range(sprayAccounts, "パスワードスプレーとみなすアカウント数", 2, 1000);
		int sprayWindow = range(sprayMinutes, "パスワードスプレーを数える時間（分）", 1, 1440);
		int sql = range(sqlFailures, "SQL Server のログイン失敗回数", 2, 1000);
		jdbc.sql("delete from accesslog_settings where org_id = ?").param(org.value()).update();
		jdbc.sql("insert into accesslog_settings (org_id, business_start, business_end, business_days, "
				+ "brute_force_failures, brute_force_minutes, spray_accounts, spray_minutes, sql_failures, updated_at, "
				+ "updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(org.value(), from, to, days.stream().map(DayOfWeek::name).sorted().collect(Collectors.joining(",")),
					failures, failureMinutes, spray, sprayWindow, sql,
					java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC), by)
			.update();
		return of(org);
	}

	private static Set<DayOfWeek> days(String text) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (String day : text.split(",")) {
			if (!day.isBlank()) {
				days.add(DayOfWeek.valueOf(day.strip()));
			}
		}
		return days;
	}

	private static LocalTime time(String text, String field) {
		try {
			return LocalTime.parse(text == null ? "" : text.strip());
		}
		catch (RuntimeException ex) {
			throw new BadInputException(field + "は 08:00 の形で入力してください");
		}
	}

	private static int range(Integer value, String field, int min, int max) {
		if (value == null || value < min || value > max) {
			throw new BadInputException(field + "は " + min + "〜" + max + " の整数で入力してください");
		}
		return value;
	}

	/** Reads {@code HH:mm-HH:mm}. */
	public static RuleSettings withBusinessHours(RuleSettings settings, String hours) {
		String[] parts = hours == null ? new String[0] : hours.strip().split("-");
		try {
			if (parts.length != 2) {
				throw new IllegalArgumentException(hours);
			}
			return settings.withBusinessHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
		}
		catch (RuntimeException ex) {
			throw new BadInputException("業務時間は 08:00-19:00 の形で指定してください: " + hours);
		}
	}

}
