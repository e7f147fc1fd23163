package jp.mamori.accesslog.rule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The pieces every finding summary shares, written the way a clinic's IT person reads
 * them: local times ({@code 2024/12/10 06:55〜11:04}), durations in Japanese units, lists
 * cut short with 「ほか N 件」.
 */
final class Wording {

	private static final DateTimeFormatter DATE_MINUTE = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm");

	private static final DateTimeFormatter DATE_SECOND = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss");

	private static final String[] DAY_NAMES = { "月", "火", "水", "木", "金", "土", "日" };

	/** An account shown when a record names none. */
	static final String NO_ACCOUNT = "（アカウント不明）";

	/** One moment to the second: {@code 2020/07/12 14:10:08}. */
	static String time(Instant time, ZoneId zone) {
		return DATE_SECOND.format(time.atZone(zone));
	}

	/**
	 * A time range, as short as stays unambiguous: a single moment, seconds within one
	 * minute, minutes within one day, otherwise both dates.
	 */
	static String period(Instant first, Instant last, ZoneId zone) {
		ZonedDateTime from = first.atZone(zone);
		ZonedDateTime to = last.atZone(zone);
		if (from.truncatedTo(ChronoUnit.SECONDS).equals(to.truncatedTo(ChronoUnit.SECONDS))) {
			return DATE_SECOND.format(from);
		}
		if (from.truncatedTo(ChronoUnit.MINUTES).equals(to.truncatedTo(ChronoUnit.MINUTES))) {
			return DATE_SECOND.format(from) + "〜" + SECOND.format(to);
		}
		if (from.toLocalDate().equals(to.toLocalDate())) {
			return DATE_MINUTE.format(from) + "〜" + MINUTE.format(to);
		}
		return DATE_MINUTE.format(from) + "〜" + DATE_MINUTE.format(to);
	}

	/** A duration in the largest whole unit: 「90 秒」「10 分」「24 時間」「2 日」. */
	static String duration(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds % 86_400 == 0 && seconds >= 86_400 * 2) {
			return (seconds / 86_400) + " 日";
		}
		if (seconds % 3_600 == 0 && seconds >= 3_600) {
			return (seconds / 3_600) + " 時間";
		}
		if (seconds % 60 == 0 && seconds >= 60) {
			return (seconds / 60) + " 分";
		}
		return seconds + " 秒";
	}

	/** Names joined with 「、」, at most {@code max} of them and 「ほか N 件」. */
	static String names(List<String> names, int max) {
		if (names.size() <= max) {
			return String.join("、", names);
		}
		return String.join("、", names.subList(0, max)) + " ほか " + (names.size() - max) + " 件";
	}

	/** Business days as 「月〜土」 when consecutive, else 「月・水・金」. */
	static String days(Set<DayOfWeek> days) {
		if (days.isEmpty()) {
			return "なし";
		}
		List<DayOfWeek> sorted = days.stream().sorted().toList();
		boolean consecutive = sorted.get(sorted.size() - 1).getValue() - sorted.get(0).getValue() == sorted.size() - 1;
		if (consecutive && sorted.size() > 2) {
			return name(sorted.get(0)) + "〜" + name(sorted.get(sorted.size() - 1));
		}
		return String.join("・", sorted.stream().map(Wording::name).toList());
	}

	private static String name(DayOfWeek day) {
		return DAY_NAMES[day.getValue() - 1];
	}

	/** An account as written, or 「（アカウント不明）」. */
	static String account(String written) {
		return written == null ? NO_ACCOUNT : written;
	}

	/**
	 * The sources of a finding in brief: 「送信元 10.0.2.17」, 「送信元 23 件」 or 「送信元アドレスの記録なし」.
	 */
	static String sources(Tally sources) {
		return switch (sources.size()) {
			case 0 -> "送信元アドレスの記録なし";
			case 1 -> "送信元 " + sources.names().get(0);
			default -> "送信元 " + sources.size() + " 件";
		};
	}

}
