package jp.mamori.accesslog.parser;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What a parser needs to know besides the bytes.
 *
 * @param fileName the file's name as uploaded (for messages and detection), may be null
 * @param zone the zone of times written without one (RFC 3164 syslog, Tomcat without
 * offset, Event Viewer CSV local times); Asia/Tokyo unless told
 * @param referenceDate the date the file was written or read, for formats that omit the
 * year (RFC 3164): a month later than this date's month belongs to the previous year
 */
public record ParseContext(String fileName, ZoneId zone, LocalDate referenceDate) {

	public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	public ParseContext {
		zone = zone == null ? JAPAN : zone;
		referenceDate = referenceDate == null ? LocalDate.now(zone) : referenceDate;
	}

	public static ParseContext of(String fileName) {
		return new ParseContext(fileName, JAPAN, null);
	}

}
