package jp.mamori.accesslog;

import jp.mamori.accesslog.internal.AccessLogEventRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.mamori.shared.OrgId;
import org.springframework.stereotype.Component;

/** Read API of the event store: imports, counts and the per-day timeline. */
@Component
public class AccessLogQueries {

	/** Days shown in the timeline. */
	public static final int TIMELINE_DAYS = 60;

	/** One day of the timeline (Japan). */
	public record Day(LocalDate date, long events, long failures) {
	}

	/** The timeline: {@link #TIMELINE_DAYS} days ending at the latest day with events. */
	public record Timeline(List<Day> days, long max) {

		public boolean empty() {
			return max == 0;
		}

	}

	private final AccessLogEventRepository events;

	private final Clock clock;

	AccessLogQueries(AccessLogEventRepository events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/** The latest imports, newest first. */
	public List<ImportedFile> imports(OrgId org) {
		return events.imports(org, 200);
	}

	public long eventCount(OrgId org) {
		return events.countEvents(org);
	}

	public Timeline timeline(OrgId org) {
		LocalDate end = events.lastDay(org).orElse(LocalDate.now(clock));
		LocalDate start = end.minusDays(TIMELINE_DAYS - 1L);
		Map<LocalDate, long[]> counts = events.eventsPerDay(org, start, end);
		List<Day> days = new ArrayList<>();
		long max = 0;
		for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
			long[] c = counts.getOrDefault(day, new long[2]);
			days.add(new Day(day, c[0], c[1]));
			max = Math.max(max, c[0]);
		}
		return new Timeline(days, max);
	}

}
