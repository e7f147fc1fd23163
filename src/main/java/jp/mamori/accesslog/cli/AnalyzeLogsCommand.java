package jp.mamori.accesslog.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.mamori.accesslog.AccessLogSettings;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.accesslog.parser.LogParsers;
import jp.mamori.accesslog.parser.ParseContext;
import jp.mamori.accesslog.parser.ParseStats;
import jp.mamori.accesslog.rule.AccountDirectory;
import jp.mamori.accesslog.rule.DetectionRules;
import jp.mamori.accesslog.rule.Finding;
import jp.mamori.accesslog.rule.RuleSettings;
import jp.mamori.shared.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code mamori analyze logs FILE…}: reads log files offline (no database, nothing
 * stored), runs every detection rule over all of them together and prints the files read
 * and the findings — as JSON with {@code --json} (a contract relied on by tests outside
 * this repository), else as Japanese text.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
		description = "ログファイルを解析します（データベース不要） / analyse log files offline")
public class AnalyzeLogsCommand implements Callable<Integer> {

	@Option(names = "--format", defaultValue = "auto",
			description = "auto|evtx|wincsv|winxml|linux|fortigate|asa|rtx|winfw|iis|clf|errorlog")
	String format;

	@Option(names = "--json", description = "JSONで出力 / print JSON")
	boolean jsonOutput;

	@Option(names = "--business-hours", defaultValue = "08:00-19:00", description = "業務時間 / business hours HH:mm-HH:mm")
	String businessHours;

	@Option(names = "--tz", defaultValue = "Asia/Tokyo",
			description = "タイムゾーン（時刻にゾーンのないログと業務時間） / zone of naive times and business hours")
	String zone;

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "ログファイル / log files")
	List<Path> files;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		ZoneId tz = zone();
		LogFormat chosen = "auto".equalsIgnoreCase(format) ? null
				: LogFormat.ofId(format)
					.orElseThrow(() -> new BadInputException("--format が正しくありません: " + format
							+ "（auto, evtx, wincsv, winxml, linux, fortigate, asa, rtx, winfw, iis, clf, errorlog）"));
		RuleSettings settings = AccessLogSettings.withBusinessHours(RuleSettings.defaults(), businessHours)
			.withZone(tz);
		for (Path file : files) {
			if (!Files.isRegularFile(file)) {
				throw new BadInputException("ファイルが見つかりません: " + file);
			}
		}
		LogParsers parsers = LogParsers.standard();
		List<LogEvent> events = new ArrayList<>();
		List<Map<String, Object>> fileJson = new ArrayList<>();
		for (Path file : files) {
			// the reference date for logs without a year is the file's last modification
			LocalDate modified = Files.getLastModifiedTime(file).toInstant().atZone(tz).toLocalDate();
			try (InputStream in = Files.newInputStream(file)) {
				ParseStats stats = parsers.parse(in, chosen,
						new ParseContext(file.getFileName().toString(), tz, modified), events::add);
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put("file", file.toString());
				entry.put("format", stats.format().id());
				entry.put("events", stats.events());
				entry.put("skipped", stats.skipped());
				entry.put("first", iso(stats.first()));
				entry.put("last", iso(stats.last()));
				entry.put("hosts", List.copyOf(stats.hosts()));
				entry.put("notes", stats.notes());
				fileJson.add(entry);
			}
		}
		List<Finding> findings = DetectionRules.standard().analyse(events, settings, AccountDirectory.none());
		PrintWriter out = spec.commandLine().getOut();
		if (jsonOutput) {
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("files", fileJson);
			result.put("findings", findings.stream().map(AnalyzeLogsCommand::findingJson).toList());
			JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
			out.println(json.writeValueAsString(result));
		}
		else {
			printText(out, fileJson, findings, tz);
		}
		out.flush();
		return 0;
	}

	private ZoneId zone() {
		try {
			return ZoneId.of(zone);
		}
		catch (RuntimeException ex) {
			throw new BadInputException("--tz が正しくありません: " + zone + "（例: Asia/Tokyo）");
		}
	}

	static Map<String, Object> findingJson(Finding f) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("rule", f.rule());
		m.put("severity", f.severity().id());
		m.put("count", f.count());
		m.put("accounts", f.accounts());
		m.put("sources", f.sources());
		m.put("hosts", f.hosts());
		m.put("first", iso(f.first()));
		m.put("last", iso(f.last()));
		m.put("summary", f.summary());
		return m;
	}

	private static String iso(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	private static void printText(PrintWriter out, List<Map<String, Object>> files, List<Finding> findings,
			ZoneId zone) {
		DateTimeFormatter time = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss").withZone(zone);
		out.println("■ 読み込んだファイル");
		for (Map<String, Object> f : files) {
			out.printf("  %s [%s] %s件（読めない行・レコード %s件）%n", f.get("file"), f.get("format"), f.get("events"),
					f.get("skipped"));
		}
		out.println("■ 検出 " + findings.size() + "件");
		for (Finding f : findings) {
			out.printf("  [%s] %s %s〜%s%n      %s%n", f.severity().label(), f.rule(),
					f.first() == null ? "" : time.format(f.first()), f.last() == null ? "" : time.format(f.last()),
					f.summary());
		}
	}

}
