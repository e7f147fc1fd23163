package jp.mamori.hostile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.accesslog.parser.LogParser;
import jp.mamori.accesslog.parser.LogParsers;
import jp.mamori.accesslog.parser.ParseContext;
import jp.mamori.accesslog.parser.ParseStats;
import jp.mamori.catalog.internal.CatalogFileReader;
import jp.mamori.network.config.ConfigParsers;
import jp.mamori.network.config.DeviceConfig;
import jp.mamori.network.config.Vendor;
import jp.mamori.network.inventory.GlpiImport;
import jp.mamori.network.inventory.GlpiInventoryReader;
import jp.mamori.network.scan.NmapScan;
import jp.mamori.network.scan.NmapXmlReader;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ledger.LedgerColumn;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerFile;
import jp.mamori.vulnerability.feed.EndOfLifeReader;
import jp.mamori.vulnerability.feed.EolProduct;
import jp.mamori.vulnerability.feed.JvnFeed;
import jp.mamori.vulnerability.feed.JvnReader;
import jp.mamori.vulnerability.feed.KevCatalog;
import jp.mamori.vulnerability.feed.KevReader;
import jp.mamori.vulnerability.feed.NvdFeed;
import jp.mamori.vulnerability.feed.NvdReader;

/**
 * Every file reader of Mamori behind one shape, so that the hostile cases and the fuzz
 * run can hand the same bytes to all of them. A reader either returns what it read (with
 * its Japanese notes) or refuses the file with a {@link BadInputException}; any other
 * exception escapes on purpose and fails the calling test.
 */
final class HostileParsers {

	/** A small ledger like the built-in ones: a required name, a list and a date. */
	static final LedgerDefinition LEDGER = new LedgerDefinition("things", "test_thing", "機器台帳", "Things",
			List.of("2-①"), "", "",
			List.of(LedgerColumn.text("name", "機器名", "Name").required().aliases("名称").build(),
					LedgerColumn.list("ips", "IPアドレス", "IP addresses").aliases("IP").build(),
					LedgerColumn.date("since", "導入日", "Since").build()),
			"name", 1);

	/**
	 * What a reader made of a file.
	 *
	 * @param refused true when the reader refused the whole file
	 * @param records how many records, hosts, rows, entries or events it read
	 * @param messages its notes, or the refusal's message
	 * @param content everything it read, as text, to look for leaked file contents
	 */
	record Outcome(boolean refused, int records, List<String> messages, String content) {

		static Outcome refused(String message) {
			return new Outcome(true, 0, List.of(message), "");
		}

		/** Whether every message has Japanese text in it. */
		boolean speaksJapanese() {
			return !messages.isEmpty() && messages.stream().allMatch(HostileParsers::isJapanese);
		}

	}

	/** One reader under a name, as the reports show it. */
	record Reader(String name, Function<byte[], Outcome> read) {

		Outcome apply(byte[] bytes) {
			return read.apply(bytes);
		}

		@Override
		public String toString() {
			return name;
		}

	}

	private HostileParsers() {
	}

	static boolean isJapanese(String text) {
		return text != null && text.codePoints()
			.anyMatch(
					c -> (c >= 0x3040 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF));
	}

	/** Every log parser, each asked directly (no detection), and detection itself. */
	static List<Reader> logs() {
		List<Reader> readers = new ArrayList<>();
		LogParsers all = LogParsers.standard();
		for (LogParser parser : all.all()) {
			readers.add(new Reader("log:" + parser.format().id(), bytes -> log(parser, bytes)));
		}
		readers.add(new Reader("log:auto", bytes -> refusing(() -> {
			List<LogEvent> events = new ArrayList<>();
			ParseStats stats = all.parse(new ByteArrayInputStream(bytes), null, ParseContext.of("upload.log"),
					events::add);
			return new Outcome(false, events.size(), stats.notes(), events.toString());
		})));
		return readers;
	}

	static Reader log(jp.mamori.accesslog.parser.LogFormat format) {
		LogParser parser = LogParsers.standard().of(format);
		return new Reader("log:" + format.id(), bytes -> log(parser, bytes));
	}

	private static Outcome log(LogParser parser, byte[] bytes) {
		List<LogEvent> events = new ArrayList<>();
		try {
			ParseStats stats = parser.parse(new ByteArrayInputStream(bytes), ParseContext.of("upload.log"),
					events::add);
			return new Outcome(false, events.size(), stats.notes(), events.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Reader nmap() {
		return new Reader("scan:nmap", bytes -> refusing(() -> {
			NmapScan scan = new NmapXmlReader().read(new ByteArrayInputStream(bytes), "scan.xml");
			return new Outcome(false, scan.hosts().size(), scan.notes(), scan.toString());
		}));
	}

	static Reader glpi() {
		return new Reader("inventory:glpi", bytes -> refusing(() -> {
			GlpiImport inventory = new GlpiInventoryReader().read(new ByteArrayInputStream(bytes), "inventory.json");
			return new Outcome(false, inventory.devices().size(), inventory.notes(), inventory.toString());
		}));
	}

	/** The configuration parsers: detection, and each dialect forced. */
	static List<Reader> configs() {
		List<Reader> readers = new ArrayList<>();
		readers.add(config(null));
		for (Vendor vendor : Vendor.values()) {
			if (vendor != Vendor.UNKNOWN) {
				readers.add(config(vendor));
			}
		}
		return readers;
	}

	static Reader config(Vendor vendor) {
		return new Reader("config:" + (vendor == null ? "auto" : vendor.name().toLowerCase(java.util.Locale.ROOT)),
				bytes -> refusing(() -> {
					DeviceConfig config = ConfigParsers.standard().parse("config.txt", bytes, vendor);
					return new Outcome(false, config.interfaces().size(), config.notes(), config.toString());
				}));
	}

	static List<Reader> feeds() {
		return List.of(new Reader("feed:kev", bytes -> refusing(() -> {
			KevCatalog kev = KevReader.read(new ByteArrayInputStream(bytes), "kev.json");
			return new Outcome(false, kev.entries().size(), kev.notes(), kev.toString());
		})), new Reader("feed:nvd", bytes -> refusing(() -> {
			NvdFeed nvd = NvdReader.read(new ByteArrayInputStream(bytes), "nvd.json");
			return new Outcome(false, nvd.cves().size(), nvd.notes(), nvd.toString());
		})), new Reader("feed:eol", bytes -> refusing(() -> {
			EolProduct eol = EndOfLifeReader.read(new ByteArrayInputStream(bytes), "windows.json");
			return new Outcome(false, eol.releases().size(), eol.notes(), eol.toString());
		})), jvn());
	}

	static Reader jvn() {
		return new Reader("feed:jvn", bytes -> refusing(() -> {
			JvnFeed jvn = JvnReader.read(new ByteArrayInputStream(bytes), "jvn.xml");
			return new Outcome(false, jvn.entries().size(), jvn.notes(), jvn.toString());
		}));
	}

	static Reader ledger(String fileName) {
		return new Reader("ledger:" + fileName, bytes -> refusing(() -> {
			LedgerFile.Parsed parsed = LedgerFile.read(LEDGER, fileName, bytes, "auto");
			List<String> messages = parsed.errors().stream().map(Object::toString).toList();
			return new Outcome(false, parsed.rows().size(), messages, parsed.rows().toString());
		}));
	}

	static Reader catalog() {
		return new Reader("catalog:yaml", bytes -> refusing(() -> {
			var version = CatalogFileReader.read("catalog.yaml", new String(bytes, StandardCharsets.UTF_8), Set.of(),
					Set.of(), false);
			return new Outcome(false, version.forms().size(), List.of(), version.toString());
		}));
	}

	/** Every reader there is, for the fuzz run. */
	static List<Reader> all() {
		List<Reader> readers = new ArrayList<>(logs());
		readers.add(nmap());
		readers.add(glpi());
		readers.addAll(configs());
		readers.addAll(feeds());
		readers.add(ledger("things.csv"));
		readers.add(ledger("things.xlsx"));
		readers.add(catalog());
		return readers;
	}

	private interface Reading {

		Outcome read() throws IOException;

	}

	private static Outcome refusing(Reading reading) {
		try {
			return reading.read();
		}
		catch (BadInputException ex) {
			String message = ex instanceof jp.mamori.catalog.InvalidCatalogException invalid
					? invalid.errors().toString() : ex.getMessage();
			return Outcome.refused(message);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
