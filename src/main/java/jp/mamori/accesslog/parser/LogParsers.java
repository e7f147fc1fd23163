package jp.mamori.accesslog.parser;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jp.mamori.shared.BadInputException;

/**
 * All parsers, and auto-detection among them. Plain Java (no Spring): the
 * {@code mamori analyze logs} command uses it without a database.
 */
public final class LogParsers {

	private final List<LogParser> parsers;

	public LogParsers(List<LogParser> parsers) {
		this.parsers = List.copyOf(parsers);
	}

	/** Every format Mamori reads. */
	public static LogParsers standard() {
		return new LogParsers(List.of(new EvtxParser(), new WindowsXmlParser(), new WindowsCsvParser(),
				new LinuxAuthParser(), new FortiGateParser(), new AsaParser(), new RtxParser(),
				new WindowsFirewallParser(), new IisParser(), new ClfParser(), new ErrorLogParser()));
	}

	public List<LogParser> all() {
		return parsers;
	}

	/** The parser of a format. */
	public LogParser of(LogFormat format) {
		return parsers.stream()
			.filter(p -> p.format() == format)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no parser for " + format));
	}

	/** The format the sample most likely is, if any parser recognises it. */
	public Optional<LogFormat> detect(LogSample sample) {
		return parsers.stream()
			.map(p -> new Scored(p.format(), safeDetect(p, sample)))
			.filter(s -> s.score() > 0)
			.max(Comparator.comparingInt(Scored::score))
			.map(Scored::format);
	}

	/**
	 * Reads a file: detects its format unless {@code format} is given, then parses it.
	 * @throws BadInputException (Japanese) when the format cannot be recognised
	 */
	public ParseStats parse(InputStream in, LogFormat format, ParseContext context, Consumer<LogEvent> sink)
			throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(in, LogSample.HEAD_BYTES);
		LogFormat chosen = format;
		if (chosen == null) {
			buffered.mark(LogSample.HEAD_BYTES);
			byte[] head = buffered.readNBytes(LogSample.HEAD_BYTES);
			buffered.reset();
			chosen = detect(new LogSample(context.fileName(), head))
				.orElseThrow(() -> new BadInputException("ログの形式を判別できません: "
						+ (context.fileName() == null ? "" : context.fileName())
						+ "（--format で形式を指定してください: evtx, wincsv, winxml, linux, fortigate, asa, rtx, winfw, iis, clf, errorlog）"));
		}
		return of(chosen).parse(buffered, context, sink);
	}

	private static int safeDetect(LogParser parser, LogSample sample) {
		try {
			return parser.detect(sample);
		}
		catch (RuntimeException ex) {
			// a detector that chokes on odd bytes simply does not recognise them
			return 0;
		}
	}

	private record Scored(LogFormat format, int score) {
	}

}
