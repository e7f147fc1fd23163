package jp.mamori.shared.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jp.mamori.shared.FormulaInjection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a ledger in the layout it is imported from: an ID column, then one column per
 * header. Exports round-trip: importing an export updates the same rows. The template has
 * the headers, one example row (marked so that import skips it) and a sheet explaining
 * each column.
 */
public final class LedgerFileWriter {

	private LedgerFileWriter() {
	}

	public static byte[] xlsx(LedgerDefinition ledger, List<LedgerRow> rows) {
		return workbook(ledger, rows, false);
	}

	public static byte[] template(LedgerDefinition ledger) {
		return workbook(ledger, List.of(), true);
	}

	/**
	 * CSV with CRLF as Excel writes it: UTF-8 with BOM, or CP932 (characters it lacks
	 * become ?).
	 */
	public static byte[] csv(LedgerDefinition ledger, List<LedgerRow> rows, boolean cp932) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Charset charset = cp932 ? LedgerFile.CP932 : StandardCharsets.UTF_8;
			if (!cp932) {
				out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			}
			CharsetEncoder encoder = charset.newEncoder()
				.onUnmappableCharacter(CodingErrorAction.REPLACE)
				.onMalformedInput(CodingErrorAction.REPLACE);
			try (Writer writer = new OutputStreamWriter(out, encoder);
					CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL)) {
				printer.printRecord(headers(ledger));
				for (LedgerRow row : rows) {
					printer.printRecord(csvCells(ledger, row));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static List<String> headers(LedgerDefinition ledger) {
		List<String> headers = new ArrayList<>();
		headers.add("ID");
		ledger.columns().forEach(c -> headers.add(c.header()));
		return headers;
	}

	static List<String> cells(LedgerDefinition ledger, LedgerRow row) {
		List<String> cells = new ArrayList<>();
		cells.add(row.id().toString());
		for (LedgerColumn column : ledger.columns()) {
			cells.add(LedgerValues.format(column, row.value(column.key())));
		}
		return cells;
	}

	/**
	 * In CSV a cell that Excel would run as a formula is written with a leading
	 * apostrophe, as Excel itself does; {@link LedgerFile} removes it again on import, so
	 * exports round-trip.
	 */
	static List<String> csvCells(LedgerDefinition ledger, LedgerRow row) {
		return cells(ledger, row).stream().map(LedgerFileWriter::guardFormula).toList();
	}

	static String guardFormula(String text) {
		return FormulaInjection.neutralise(text);
	}

	private static byte[] workbook(LedgerDefinition ledger, List<LedgerRow> rows, boolean template) {
		// streaming workbook: only a window of rows is kept in memory, so exports of tens
		// of thousands of rows
		// fit in a small heap (a 30,000-row export ran out of a 512 MB heap with the
		// in-memory workbook)
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(ledger.title()));
			CellStyle headerStyle = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			headerStyle.setFont(bold);
			headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			CellStyle wrap = workbook.createCellStyle();
			wrap.setWrapText(true);
			List<String> headers = headers(ledger);
			Row head = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				head.createCell(i).setCellValue(headers.get(i));
				head.getCell(i).setCellStyle(headerStyle);
				sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() * 3)) * 256);
			}
			int r = 1;
			if (template) {
				Row example = sheet.createRow(r++);
				example.createCell(0).setCellValue(LedgerFile.EXAMPLE_MARK + "この行は取り込まれません");
				for (int i = 0; i < ledger.columns().size(); i++) {
					example.createCell(i + 1).setCellValue(ledger.columns().get(i).example());
				}
				guide(workbook, ledger);
			}
			for (LedgerRow row : rows) {
				Row line = sheet.createRow(r++);
				List<String> cells = cells(ledger, row);
				for (int i = 0; i < cells.size(); i++) {
					line.createCell(i).setCellValue(cells.get(i));
					line.getCell(i).setCellStyle(wrap);
				}
			}
			sheet.createFreezePane(1, 1);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void guide(Workbook workbook, LedgerDefinition ledger) {
		Sheet sheet = workbook.createSheet("説明");
		String[] head = { "列", "必須", "入力のしかた", "別名（この見出しでも読めます）" };
		Row first = sheet.createRow(0);
		for (int i = 0; i < head.length; i++) {
			first.createCell(i).setCellValue(head[i]);
		}
		int r = 1;
		for (LedgerColumn column : ledger.columns()) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(column.header());
			row.createCell(1).setCellValue(column.required() ? "必須" : "");
			row.createCell(2).setCellValue(switch (column.type()) {
				case TEXT -> column.maxLength() + "文字まで";
				case INTEGER -> "数字";
				case DATE -> "日付（2025-06-01、2025/6/1、令和7年6月1日）";
				case BOOLEAN -> "はい／いいえ（○／×、有／無）";
				case CHOICE -> String.join("／", column.choices().values());
				case LIST -> "複数あれば改行・カンマ・読点で区切る";
			});
			row.createCell(3).setCellValue(String.join("、", column.aliases()));
		}
		for (int i = 0; i < head.length; i++) {
			sheet.setColumnWidth(i, 40 * 256);
		}
		Row serves = sheet.createRow(r + 1);
		serves.createCell(0).setCellValue("チェックリストの項目: " + String.join("、", ledger.serves()));
	}

}
