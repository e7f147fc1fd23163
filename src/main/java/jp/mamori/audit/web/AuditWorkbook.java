package jp.mamori.audit.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The trail as an Excel workbook: one sheet, a header row, one row per entry; the time is
 * a real date cell (Japan time) so it sorts and filters in Excel. Written row by row, so
 * a long trail does not have to fit in memory.
 */
final class AuditWorkbook {

	private static final int[] WIDTHS = { 8, 20, 16, 26, 30, 40, 60, 66, 66 };

	private AuditWorkbook() {
	}

	static void write(OutputStream out, String sheetName, List<String> header, Stream<AuditRow> rows)
			throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			Sheet sheet = workbook.createSheet(sheetName);
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle time = workbook.createCellStyle();
			time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
			Row head = sheet.createRow(0);
			for (int c = 0; c < header.size(); c++) {
				head.createCell(c).setCellValue(header.get(c));
				head.getCell(c).setCellStyle(bold);
				sheet.setColumnWidth(c, WIDTHS[Math.min(c, WIDTHS.length - 1)] * 256);
			}
			sheet.createFreezePane(0, 1);
			int r = 1;
			for (Iterator<AuditRow> it = rows.iterator(); it.hasNext();) {
				AuditRow entry = it.next();
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(entry.seq());
				row.createCell(1).setCellValue(entry.time());
				row.getCell(1).setCellStyle(time);
				text(row, 2, entry.actor());
				text(row, 3, entry.actionLabel());
				text(row, 4, entry.action());
				text(row, 5, entry.target());
				text(row, 6, entry.detail());
				text(row, 7, entry.hash());
				text(row, 8, entry.prevHash());
			}
			workbook.write(out);
		}
		finally {
			workbook.close();
			workbook.dispose();
		}
	}

	// string cells: whatever a user typed stays text, never a formula
	private static void text(Row row, int column, String value) {
		if (value != null) {
			row.createCell(column).setCellValue(value);
		}
	}

}
