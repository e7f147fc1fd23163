package jp.mamori.audit.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.mamori.shared.FormulaInjection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The trail as CSV, one record per entry below a header row, lines ending in CRLF. */
final class AuditCsv {

	static final Charset CP932 = Charset.forName("windows-31j");

	/**
	 * Characters Japanese text often carries in their JIS form, which CP932 holds only in
	 * its own form: mapped rather than lost (〜 would otherwise become ?).
	 */
	private static final Map<Character, Character> CP932_FORMS = Map.of('\u301C', '\uFF5E', '\u2212', '\uFF0D',
			'\u2016', '\u2225', '\u2014', '\u2015', '\u00A2', '\uFFE0', '\u00A3', '\uFFE1', '\u00AC', '\uFFE2');

	private AuditCsv() {
	}

	static void write(OutputStream out, boolean cp932, List<String> header, Stream<AuditRow> rows) throws IOException {
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, cp932 ? replacing(CP932) : strict()));
		if (!cp932) {
			// the byte order mark is how Excel on Windows tells UTF-8 from Shift_JIS
			writer.write('\uFEFF');
		}
		CSVPrinter printer = CSVFormat.EXCEL.builder().setHeader(header.toArray(String[]::new)).get().print(writer);
		try {
			rows.forEach(row -> {
				try {
					printer.printRecord(cells(row, cp932));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		printer.flush();
	}

	private static List<String> cells(AuditRow row, boolean cp932) {
		return Stream
			.of(Long.toString(row.seq()), row.timeText(), text(row.actor()), text(row.actionLabel()), row.action(),
					text(row.target()), text(row.detail()), row.hash(), row.prevHash())
			.map(cell -> cp932 ? cp932Form(cell) : cell)
			.toList();
	}

	/**
	 * A cell Excel would read as a formula (=, +, -, @ first) gets a leading apostrophe:
	 * targets and details carry text users typed, such as file names (CSV injection).
	 */
	static String text(String value) {
		return FormulaInjection.neutralise(value);
	}

	static String cp932Form(String value) {
		if (value == null) {
			return null;
		}
		StringBuilder mapped = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			mapped.append(CP932_FORMS.getOrDefault(c, c));
		}
		return mapped.toString();
	}

	/** Characters CP932 does not have are written as ? instead of failing the export. */
	private static CharsetEncoder replacing(Charset charset) {
		return charset.newEncoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
	}

	private static CharsetEncoder strict() {
		return StandardCharsets.UTF_8.newEncoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
	}

}
