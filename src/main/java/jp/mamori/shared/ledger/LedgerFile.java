package jp.mamori.shared.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.mamori.shared.BadInputException;
import jp.mamori.shared.FormulaInjection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a ledger file as people make them: .xlsx from Excel, or .csv in CP932 (Shift_JIS,
 * what Excel on Windows writes) or UTF-8 with or without BOM. The encoding is detected
 * (BOM → UTF-8; valid UTF-8 → UTF-8; otherwise CP932) unless the person names it. Headers
 * are matched to columns by name or alias.
 */
public final class LedgerFile {

	public static final Charset CP932 = Charset.forName("windows-31j");

	/**
	 * Excel's own limit on the text of one cell: a longer value did not come from a
	 * spreadsheet (typically a CSV quote left open swallowing the rest of the file).
	 */
	static final int MAX_CELL_CHARS = 32_767;

	/** The first cell of the template's example row; such rows are skipped. */
	public static final String EXAMPLE_MARK = "（例）";

	/**
	 * One data row: its row number as the spreadsheet shows it, and its texts by column
	 * key.
	 */
	public record RawRow(int row, String id, Map<String, String> values) {
	}

	/**
	 * @param encoding the encoding used for a CSV ("UTF-8", "CP932"), or "xlsx"
	 * @param ignoredHeaders headers that matched no column
	 */
	public record Parsed(String encoding, List<RawRow> rows, List<LedgerError> errors, List<String> ignoredHeaders) {
	}

	private LedgerFile() {
	}

	public static Parsed read(LedgerDefinition ledger, String fileName, byte[] bytes, String encoding) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (bytes == null || bytes.length == 0) {
			throw new BadInputException("ファイルが空です");
		}
		if (name.endsWith(".xlsx") || (bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K')) {
			return readXlsx(ledger, bytes);
		}
		if (name.endsWith(".xls")) {
			throw new BadInputException("古い形式（.xls）は読めません。Excel で .xlsx か .csv に保存し直してください");
		}
		return readCsv(ledger, bytes, encoding);
	}

	static Parsed readCsv(LedgerDefinition ledger, byte[] bytes, String encoding) {
		Decoded decoded = decode(bytes, encoding);
		List<List<String>> lines = new ArrayList<>();
		try (CSVParser parser = CSVFormat.EXCEL.builder()
			.setIgnoreEmptyLines(false)
			.setDelimiter(delimiter(decoded.text()))
			.get()
			.parse(new StringReader(decoded.text()))) {
			for (CSVRecord record : parser) {
				lines.add(record.toList());
			}
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			throw new BadInputException("CSV として読めません: " + ex.getMessage());
		}
		return rows(ledger, lines, decoded.encoding());
	}

	record Decoded(String text, String encoding) {
	}

	/**
	 * A tab when the header line has more tabs than commas: Excel's "Unicode テキスト" and
	 * text copied out of a sheet are tab-separated.
	 */
	private static char delimiter(String text) {
		int end = text.indexOf('\n');
		String header = end < 0 ? text : text.substring(0, end);
		long tabs = header.chars().filter(c -> c == '\t').count();
		long commas = header.chars().filter(c -> c == ',').count();
		return tabs > commas ? '\t' : ',';
	}

	/** The UTF-16 charset a byte order mark announces, or null. */
	private static Charset utf16(byte[] bytes) {
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
			return StandardCharsets.UTF_16LE;
		}
		if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
			return StandardCharsets.UTF_16BE;
		}
		return null;
	}

	static Decoded decode(byte[] bytes, String encoding) {
		String wanted = encoding == null ? "auto" : encoding.strip().toLowerCase(Locale.ROOT);
		boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF;
		int start = bom ? 3 : 0;
		Charset utf16 = utf16(bytes);
		if (utf16 != null && ("".equals(wanted) || "auto".equals(wanted))) {
			// Excel's "Unicode テキスト" (UTF-16LE with BOM); without this check its NUL
			// bytes decode as CP932 garbage and every column is reported missing
			return new Decoded(strict(bytes, 2, utf16), "UTF-16");
		}
		switch (wanted) {
			case "", "auto" -> {
				if (bom) {
					return new Decoded(strict(bytes, start, StandardCharsets.UTF_8), "UTF-8");
				}
				try {
					return new Decoded(strict(bytes, 0, StandardCharsets.UTF_8), "UTF-8");
				}
				catch (BadInputException notUtf8) {
					return new Decoded(strict(bytes, 0, CP932), "CP932");
				}
			}
			case "utf-8", "utf8" -> {
				return new Decoded(strict(bytes, start, StandardCharsets.UTF_8), "UTF-8");
			}
			case "cp932", "shift_jis", "shift-jis", "sjis", "windows-31j", "ms932" -> {
				return new Decoded(strict(bytes, 0, CP932), "CP932");
			}
			default -> throw new BadInputException("文字コードは auto / utf-8 / cp932 のいずれかです: " + encoding);
		}
	}

	private static String strict(byte[] bytes, int start, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new BadInputException(
					"文字コード " + (charset == CP932 ? "CP932（Shift_JIS）" : charset.name()) + " として読めません。文字コードの指定を変えてください");
		}
	}

	/** The largest part of a workbook, unpacked (a sheet of 100,000 full rows fits). */
	static final long MAX_PART_BYTES = 200L * 1024 * 1024;

	/** The most parts of a workbook (a normal one has a few dozen). */
	static final int MAX_PARTS = 1000;

	static {
		// POI's zip-bomb guards, set explicitly in this one place (the only .xlsx
		// reader):
		// POI keeps them in static fields, so they apply to every workbook read
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
		ZipSecureFile.setMaxFileCount(MAX_PARTS);
		ZipSecureFile.setMaxTextSize(MAX_PART_BYTES / 2);
	}

	static Parsed readXlsx(LedgerDefinition ledger, byte[] bytes) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter(Locale.JAPAN);
			List<List<String>> lines = new ArrayList<>();
			int last = sheet.getLastRowNum();
			for (int r = 0; r <= last; r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
						cells.add(text(row.getCell(c), formatter));
					}
				}
				lines.add(cells);
			}
			return rows(ledger, lines, "xlsx");
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof BadInputException bad) {
				throw bad;
			}
			throw new BadInputException(xlsxProblem(ex));
		}
	}

	/**
	 * A Japanese explanation of why POI refused a workbook; POI's own messages are long
	 * English texts meant for developers.
	 */
	private static String xlsxProblem(Exception ex) {
		StringBuilder all = new StringBuilder();
		for (Throwable t = ex; t != null && all.length() < 10_000; t = t.getCause()) {
			all.append(t.getMessage()).append('\n');
		}
		String text = all.toString();
		if (text.contains("Zip bomb") || text.contains("ZipSecureFile") || text.contains("exceed")) {
			return "Excel ファイル（.xlsx）の中身が異常に大きく展開されるため読みません（zip 爆弾の疑い）。" + "Excel で開き、不要なシートを消して保存し直してください";
		}
		if (text.contains("DOCTYPE")) {
			return "Excel ファイル（.xlsx）の中に安全でない XML（DOCTYPE 宣言）があるため読みません。Excel で開いて保存し直してください";
		}
		return "Excel ファイル（.xlsx）として読めません。Excel で開いて .xlsx で保存し直してください";
	}

	private static String text(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate().toString();
		}
		return formatter.formatCellValue(cell);
	}

	/** The first non-empty line is the header; each later non-empty line is a row. */
	static Parsed rows(LedgerDefinition ledger, List<List<String>> lines, String encoding) {
		List<LedgerError> errors = new ArrayList<>();
		int headerIndex = 0;
		while (headerIndex < lines.size() && blank(lines.get(headerIndex))) {
			headerIndex++;
		}
		if (headerIndex == lines.size()) {
			throw new BadInputException("見出しの行がありません");
		}
		List<String> headers = lines.get(headerIndex);
		Map<Integer, String> keyByIndex = new HashMap<>();
		List<String> ignored = new ArrayList<>();
		Map<String, String> byNormalized = new LinkedHashMap<>();
		byNormalized.put(LedgerValues.normalizeHeader("ID"), "id");
		for (LedgerColumn column : ledger.columns()) {
			byNormalized.putIfAbsent(LedgerValues.normalizeHeader(column.header()), column.key());
			byNormalized.putIfAbsent(LedgerValues.normalizeHeader(column.headerEn()), column.key());
			byNormalized.putIfAbsent(LedgerValues.normalizeHeader(column.key()), column.key());
			column.aliases().forEach(a -> byNormalized.putIfAbsent(LedgerValues.normalizeHeader(a), column.key()));
		}
		for (int i = 0; i < headers.size(); i++) {
			String header = headers.get(i) == null ? "" : headers.get(i).strip();
			if (header.isEmpty()) {
				continue;
			}
			String key = byNormalized.get(LedgerValues.normalizeHeader(header));
			if (key == null) {
				ignored.add(header);
			}
			else if (keyByIndex.containsValue(key)) {
				errors.add(new LedgerError(headerIndex + 1, header, "同じ列が二つあります"));
			}
			else {
				keyByIndex.put(i, key);
			}
		}
		for (LedgerColumn column : ledger.columns()) {
			if (column.required() && !keyByIndex.containsValue(column.key())) {
				errors.add(new LedgerError(headerIndex + 1, column.header(), "必須の列がありません"));
			}
		}
		List<RawRow> rows = new ArrayList<>();
		for (int r = headerIndex + 1; r < lines.size(); r++) {
			List<String> cells = lines.get(r);
			if (blank(cells)) {
				continue;
			}
			if (cells.stream().anyMatch(c -> c != null && c.length() > MAX_CELL_CHARS)) {
				throw new BadInputException(
						(r + 1) + " 行目に Excel のセルの上限（" + MAX_CELL_CHARS + " 文字）より長い値があります。引用符（\"）が閉じられているか確かめてください");
			}
			Map<String, String> values = new LinkedHashMap<>();
			String id = null;
			for (Map.Entry<Integer, String> e : keyByIndex.entrySet()) {
				String cell = unguard(e.getKey() < cells.size() ? cells.get(e.getKey()) : "");
				if ("id".equals(e.getValue())) {
					id = cell == null || cell.isBlank() ? null : cell.strip();
				}
				else {
					values.put(e.getValue(), cell);
				}
			}
			if (id != null && id.startsWith(EXAMPLE_MARK)) {
				continue;
			}
			rows.add(new RawRow(r + 1, id, values));
		}
		return new Parsed(encoding, rows, errors, ignored);
	}

	/**
	 * Removes the apostrophe that keeps Excel from running a cell as a formula ('=…,
	 * '+81-…).
	 */
	static String unguard(String cell) {
		return FormulaInjection.restore(cell);
	}

	private static boolean blank(List<String> cells) {
		return cells.stream().allMatch(c -> c == null || c.isBlank());
	}

}
