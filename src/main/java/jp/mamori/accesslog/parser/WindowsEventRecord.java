package jp.mamori.accesslog.parser;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One Windows event as the three Windows formats (EVTX, exported XML, exported CSV) give
 * it, before normalisation by {@link WindowsEvents#toLogEvent(WindowsEventRecord)}: the
 * {@code System} fields, the named values, the unnamed ones, and the rendered message
 * where the format has one.
 *
 * @param time {@code TimeCreated/@SystemTime}, UTC
 * @param provider {@code Provider/@Name} ({@code Microsoft-Windows-Security-Auditing},
 * {@code MSSQLSERVER} …), or the CSV {@code Source}
 * @param eventId {@code EventID}, as written ({@code 4625})
 * @param level {@code Level} ({@code 0}, {@code 4} …) or the level name of a CSV export,
 * may be null
 * @param recordId {@code EventRecordID}, 0 when unknown
 * @param channel {@code Channel} ({@code Security}, {@code Application} …), may be null
 * @param computer {@code Computer}, may be null
 * @param userSid {@code Security/@UserID}, may be null
 * @param data the named values in document order: every {@code EventData/Data[@Name]} and
 * every leaf element of {@code UserData} by its element name
 * ({@code UserData/LogFileCleared/SubjectUserName} is {@code SubjectUserName})
 * @param unnamedData the values of {@code <Data>} without a name, each array item and
 * each child fragment on its own (MSSQL's inserts), in order
 * @param message the rendered description ({@code RenderingInfo/Message}, the CSV
 * description), may be null
 */
public record WindowsEventRecord(Instant time, String provider, String eventId, String level, long recordId,
		String channel, String computer, String userSid, Map<String, String> data, List<String> unnamedData,
		String message) {

	public WindowsEventRecord {
		data = data == null ? Map.of() : data;
		unnamedData = unnamedData == null ? List.of() : unnamedData;
	}

	/** A named value, or null. */
	public String value(String name) {
		return data.get(name);
	}

}
