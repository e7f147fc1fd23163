package jp.mamori.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import jp.mamori.shared.ClockConfiguration;
import jp.mamori.shared.WarekiDate;
import org.springframework.stereotype.Component;

/**
 * Date formatting for templates ({@code ${@dates.wareki(d)}}): 和暦 for dates, Japan time
 * for instants.
 */
@Component("dates")
public class DateDisplay {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	public String wareki(LocalDate date) {
		return WarekiDate.format(date);
	}

	public String iso(LocalDate date) {
		return date == null ? "" : date.toString();
	}

	public String instant(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(ClockConfiguration.JAPAN));
	}

}
