package jp.mamori.accesslog.parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A parse result for tests: the stats and every event handed on. */
record ParsedLog(ParseStats stats, List<LogEvent> events) {

	/** Times without a zone in Japan; a file read on 2025-07-01 (for the syslog year). */
	static final ParseContext CONTEXT = new ParseContext("test.log", ParseContext.JAPAN, LocalDate.of(2025, 7, 1));

	static ParsedLog of(LogParser parser, InputStream in, ParseContext context) {
		List<LogEvent> events = new ArrayList<>();
		try (in) {
			ParseStats stats = parser.parse(in, context, events::add);
			return new ParsedLog(stats, events);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ParsedLog of(LogParser parser, Path file, ParseContext context) {
		try {
			return of(parser, Files.newInputStream(file), context);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A fixture from {@code src/test/resources/accesslog/}. */
	static ParsedLog fixture(LogParser parser, String name) {
		return of(parser, fixtureStream(name), CONTEXT);
	}

	static InputStream fixtureStream(String name) {
		return Objects.requireNonNull(ParsedLog.class.getResourceAsStream("/accesslog/" + name), name);
	}

	static byte[] fixtureBytes(String name) {
		try (InputStream in = fixtureStream(name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ParsedLog text(LogParser parser, String text) {
		return of(parser, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), CONTEXT);
	}

	/** The single event of one line (fails the test when the line gives none). */
	static LogEvent line(LogParser parser, String line) {
		ParsedLog parsed = text(parser, line);
		if (parsed.events().size() != 1) {
			throw new AssertionError("expected one event from: " + line + " but got " + parsed.events());
		}
		return parsed.events().get(0);
	}

	List<LogEvent> kind(EventKind kind) {
		return events.stream().filter(e -> e.kind() == kind).toList();
	}

}
