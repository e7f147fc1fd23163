package jp.mamori.accesslog.parser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Windows events exported as CSV, the form a hospital's IT person most often has:
 * <ul>
 * <li>Event Viewer "save all events as" CSV: {@code Level,Date and Time,Source,Event
 * ID,Task Category} and an unnamed description column, or the Japanese header
 * {@code レベル,日付と時刻,ソース,イベント ID,タスクのカテゴリ}; CP932 or UTF-8 with BOM; the description spans
 * lines inside quotes; no computer or channel column;</li>
 * <li>PowerShell {@code Get-WinEvent | Export-Csv}: named columns ({@code Message},
 * {@code Id}, {@code TimeCreated}, {@code MachineName}, {@code LogName},
 * {@code ProviderName} …), with or without the {@code #TYPE} line.</li>
 * </ul>
 * Times are local, written in the exporting PC's culture ({@code 2025/06/15 9:03:12},
 * {@code 6/15/2025 9:03:12 AM}), and read in {@link ParseContext#zone()}. The values come
 * from the rendered description ({@link WindowsMessageText}) and go through the same
 * {@link WindowsEvents} mapping as EVTX.
 */
public final class WindowsCsvParser implements LogParser {

	// Event Viewer writes the columns it shows, in the UI language: Level (Keywords for
	// the Security log), Date and Time, Source, Event ID, Task Category, and any the
	// user added (Computer, Log, User); the description comes last without a heading
	private static final Map<String, String> EVENT_VIEWER_COLUMNS = Map.ofEntries(Map.entry("level", "level"),
			Map.entry("レベル", "level"), Map.entry("keywords", "level"), Map.entry("キーワード", "level"),
			Map.entry("date and time", "time"), Map.entry("日付と時刻", "time"), Map.entry("source", "source"),
			Map.entry("ソース", "source"), Map.entry("event id", "id"), Map.entry("イベント id", "id"),
			Map.entry("computer", "computer"), Map.entry("コンピューター", "computer"), Map.entry("log", "log"),
			Map.entry("ログ", "log"), Map.entry("ログの名前", "log"));

	private static final List<DateTimeFormatter> LOCAL_TIMES = List.of(pattern("uuuu/M/d H:mm[:ss][.SSS]"),
			pattern("uuuu-M-d H:mm[:ss][.SSS]"), pattern("uuuu-M-d'T'H:mm[:ss][.SSSSSSS][.SSSSSS][.SSS]"),
			pattern("M/d/uuuu h:mm[:ss] a"), pattern("M/d/uuuu H:mm[:ss]"), pattern("d.M.uuuu H:mm[:ss]"));

	private static final int HEADER_CHARS = 64 * 1024;

	private enum Layout {

		EVENT_VIEWER, POWERSHELL

	}

	@Override
	public LogFormat format() {
		return LogFormat.WINDOWS_CSV;
	}

	@Override
	public int detect(LogSample sample) {
		for (String line : sample.lines()) {
			if (line.isBlank() || line.startsWith("#TYPE")) {
				continue;
			}
			Layout layout = layoutOf(splitHeader(line));
			return layout == Layout.EVENT_VIEWER ? 95 : layout == Layout.POWERSHELL ? 90 : 0;
		}
		return 0;
	}

	/**
	 * The first line, read at most {@link #HEADER_CHARS} characters far:
	 * {@link BufferedReader#readLine()} would keep reading a file of one endless line
	 * into memory.
	 */
	private static String firstLine(BufferedReader reader) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while (line.length() < HEADER_CHARS && (c = reader.read()) >= 0) {
			if (c == '\n' || c == '\r') {
				return line.toString();
			}
			line.append((char) c);
		}
		return line.isEmpty() ? null : line.toString();
	}

	@Override
	public ParseStats parse(InputStream in, ParseContext context, Consumer<LogEvent> sink) throws IOException {
		ParseStats stats = new ParseStats(LogFormat.WINDOWS_CSV);
		BufferedReader reader = TextDecoding.reader(in);
		reader.mark(HEADER_CHARS);
		String first = firstLine(reader);
		if (first == null) {
			stats.note("ファイルが空です");
			return stats;
		}
		if (!first.startsWith("#TYPE")) {
			if (first.length() >= HEADER_CHARS) {
				stats.note("イベントビューアーまたは PowerShell (Export-Csv) のCSVの見出し行ではありません");
				return stats;
			}
			reader.reset();
		}
		CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
		try (CSVParser csv = CSVParser.parse(reader, format)) {
			Iterator<CSVRecord> records = csv.iterator();
			if (!records.hasNext()) {
				stats.note("CSVに見出し行がありません");
				return stats;
			}
			List<String> header = records.next().toList();
			Layout layout = layoutOf(header);
			if (layout == null) {
				stats.note("イベントビューアーまたは PowerShell (Export-Csv) のCSVの見出し行ではありません");
				return stats;
			}
			Map<String, Integer> columns = columns(header, layout);
			while (true) {
				CSVRecord row;
				try {
					if (!records.hasNext()) {
						break;
					}
					row = records.next();
				}
				catch (UncheckedIOException | IllegalStateException ex) {
					// an unterminated quote: nothing after it can be split reliably
					stats.skip();
					stats.note("CSVの引用符が閉じられていない行があり、そこから後は読み込めませんでした");
					break;
				}
				LogEvent event;
				try {
					WindowsEventRecord record = layout == Layout.EVENT_VIEWER
							? eventViewerRow(row, columns, header.size(), context.zone())
							: powerShellRow(row, columns, context.zone());
					event = record == null ? null : WindowsEvents.toLogEvent(record);
				}
				catch (RuntimeException ex) {
					event = null;
				}
				if (event == null) {
					stats.skip();
					continue;
				}
				stats.event(event);
				sink.accept(event);
			}
		}
		catch (UncheckedIOException ex) {
			stats.skip();
			stats.note("CSVとして読み込めない箇所がありました");
		}
		return stats;
	}

	private static WindowsEventRecord eventViewerRow(CSVRecord row, Map<String, Integer> columns, int headings,
			ZoneId zone) {
		Instant time = localTime(value(row, columns, "time"), zone);
		String eventId = value(row, columns, "id");
		if (time == null || eventId == null || !isNumber(eventId.strip())) {
			return null;
		}
		String source = value(row, columns, "source");
		String log = value(row, columns, "log");
		String message = row.size() > headings ? row.get(headings) : null;
		return record(time, source, eventId.strip(), value(row, columns, "level"), 0,
				log == null || log.isBlank() ? channelOf(source, eventId.strip()) : log.strip(),
				value(row, columns, "computer"), message);
	}

	private static WindowsEventRecord powerShellRow(CSVRecord row, Map<String, Integer> columns, ZoneId zone) {
		Instant time = localTime(value(row, columns, "timecreated"), zone);
		String eventId = value(row, columns, "id");
		if (time == null || eventId == null || !isNumber(eventId.strip())) {
			return null;
		}
		String provider = value(row, columns, "providername");
		String channel = value(row, columns, "logname");
		String recordId = value(row, columns, "recordid");
		String level = value(row, columns, "leveldisplayname");
		long recordNumber = recordId != null && isNumber(recordId.strip()) ? Long.parseLong(recordId.strip()) : 0;
		return record(time, provider, eventId.strip(), level, recordNumber,
				channel == null || channel.isBlank() ? channelOf(provider, eventId.strip()) : channel.strip(),
				value(row, columns, "machinename"), value(row, columns, "message"));
	}

	private static WindowsEventRecord record(Instant time, String provider, String eventId, String level, long recordId,
			String channel, String computer, String message) {
		Map<String, String> data = WindowsMessageText.fields(eventId, message);
		return new WindowsEventRecord(time, provider, eventId, level, recordId, channel, computer, null, data,
				List.of(), message);
	}

	/**
	 * Event Viewer's CSV has no channel column: the source says which log it came from
	 * for the events the rules look at.
	 */
	private static String channelOf(String source, String eventId) {
		if (source == null) {
			return null;
		}
		String name = source.strip();
		if (name.equalsIgnoreCase("Microsoft-Windows-Security-Auditing")) {
			return "Security";
		}
		if (name.equalsIgnoreCase("Microsoft-Windows-Eventlog") || name.equalsIgnoreCase("Eventlog")) {
			return "1102".equals(eventId) ? "Security" : "104".equals(eventId) ? "System" : null;
		}
		if (WindowsEvents.isSqlServer(name)) {
			return "Application";
		}
		if (name.toLowerCase(Locale.ROOT).contains("terminalservices-remoteconnectionmanager")) {
			return "Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational";
		}
		return null;
	}

	/** A local time as Windows writes it in the exporting PC's culture. */
	static Instant localTime(String written, ZoneId zone) {
		if (written == null) {
			return null;
		}
		String text = written.strip();
		// Japanese 12-hour clock: 2025/06/15 午後 9:03:12
		boolean afternoon = text.contains("午後");
		boolean morning = text.contains("午前");
		if (afternoon || morning) {
			text = text.replace("午後", "").replace("午前", "").replaceAll("\\s+", " ").strip();
		}
		for (DateTimeFormatter formatter : LOCAL_TIMES) {
			try {
				LocalDateTime time = LocalDateTime.parse(text, formatter);
				if (afternoon && time.getHour() < 12) {
					time = time.plusHours(12);
				}
				else if (morning && time.getHour() == 12) {
					time = time.minusHours(12);
				}
				return time.atZone(zone).toInstant();
			}
			catch (DateTimeParseException ex) {
				// try the next culture's pattern
			}
		}
		return null;
	}

	private static DateTimeFormatter pattern(String pattern) {
		return new DateTimeFormatterBuilder().parseCaseInsensitive()
			.appendPattern(pattern)
			.toFormatter(Locale.US)
			.withResolverStyle(ResolverStyle.STRICT);
	}

	private static Layout layoutOf(List<String> header) {
		List<String> names = header.stream().map(WindowsCsvParser::normalised).toList();
		List<String> known = names.stream().map(EVENT_VIEWER_COLUMNS::get).toList();
		if (known.contains("time") && known.contains("source") && known.contains("id")) {
			return Layout.EVENT_VIEWER;
		}
		if (names.contains("message") && names.contains("id") && names.contains("timecreated")
				&& (names.contains("providername") || names.contains("logname"))) {
			return Layout.POWERSHELL;
		}
		return null;
	}

	private static Map<String, Integer> columns(List<String> header, Layout layout) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			String name = normalised(header.get(i));
			if (layout == Layout.EVENT_VIEWER) {
				name = EVENT_VIEWER_COLUMNS.get(name);
			}
			if (name != null) {
				columns.putIfAbsent(name, i);
			}
		}
		return columns;
	}

	private static String value(CSVRecord row, Map<String, Integer> columns, String name) {
		Integer index = columns.get(name);
		return index == null || index >= row.size() ? null : row.get(index);
	}

	/** A header line split at commas, quotes removed (good enough for detection). */
	private static List<String> splitHeader(String line) {
		return List.of(line.split(",", -1)).stream().map(cell -> cell.strip().replace("\"", "")).toList();
	}

	private static String normalised(String name) {
		return name.replace("\uFEFF", "")
			.replace('\u3000', ' ')
			.strip()
			.replaceAll("\\s+", " ")
			.toLowerCase(Locale.ROOT);
	}

	private static boolean isNumber(String text) {
		if (text.isEmpty() || text.length() > 18) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (!Character.isDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
