package jp.mamori.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jp.mamori.assessment.AssessmentView;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The official form as an Excel workbook: one sheet named after the form (医療機関確認用), the
 * title block, one header row that repeats on every printed page, then the sections in
 * printed order. Every value is a string cell (dates in 和暦 as the form prints them), so
 * it reads back exactly as written.
 */
public final class ChecklistWorkbook {

	/** Rows of the title block; the column headers follow after one blank row. */
	public static final int TITLE_ROW = 0;

	public static final int HEADER_ROW = 6;

	private static final int NUMBER_WIDTH = 14;

	private static final int TEXT_WIDTH = 56;

	private static final int SCOPE_WIDTH = 14;

	private static final int RESULT_WIDTH = 10;

	private static final int DATE_WIDTH = 17;

	private static final int NOTE_WIDTH = 30;

	private static final float LINE_HEIGHT = 15f;

	private ChecklistWorkbook() {
	}

	public static byte[] render(AssessmentView view, String orgName, int round) {
		return render(ChecklistLayout.of(view, orgName, round), view.form().title());
	}

	static byte[] render(ChecklistLayout layout, String sheetName) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			new Drawing(workbook, layout, sheetName).draw();
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final class Drawing {

		private final XSSFWorkbook workbook;

		private final ChecklistLayout layout;

		private final Sheet sheet;

		private final int lastColumn;

		private final CellStyle title;

		private final CellStyle bold;

		private final CellStyle plain;

		private final CellStyle header;

		private final CellStyle heading;

		private final CellStyle subHeading;

		private final CellStyle cell;

		private final CellStyle centered;

		Drawing(XSSFWorkbook workbook, ChecklistLayout layout, String sheetName) {
			this.workbook = workbook;
			this.layout = layout;
			this.sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
			this.lastColumn = layout.columnCount() - 1;
			Font titleFont = workbook.createFont();
			titleFont.setBold(true);
			titleFont.setFontHeightInPoints((short) 14);
			Font boldFont = workbook.createFont();
			boldFont.setBold(true);
			this.title = style(titleFont, false, false, null);
			this.bold = style(boldFont, false, false, null);
			this.plain = style(null, false, false, null);
			this.header = style(boldFont, true, true, IndexedColors.GREY_25_PERCENT);
			this.header.setAlignment(HorizontalAlignment.CENTER);
			this.heading = style(boldFont, true, true, IndexedColors.GREY_40_PERCENT);
			this.subHeading = style(boldFont, true, true, IndexedColors.GREY_25_PERCENT);
			this.cell = style(null, true, true, null);
			this.centered = style(null, true, true, null);
			this.centered.setAlignment(HorizontalAlignment.CENTER);
		}

		private CellStyle style(Font font, boolean wrap, boolean border, IndexedColors fill) {
			CellStyle style = workbook.createCellStyle();
			if (font != null) {
				style.setFont(font);
			}
			style.setWrapText(wrap);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			if (border) {
				style.setBorderTop(BorderStyle.THIN);
				style.setBorderBottom(BorderStyle.THIN);
				style.setBorderLeft(BorderStyle.THIN);
				style.setBorderRight(BorderStyle.THIN);
			}
			if (fill != null) {
				style.setFillForegroundColor(fill.getIndex());
				style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			}
			return style;
		}

		void draw() {
			titleBlock();
			headerRow();
			int rowIndex = HEADER_ROW + 1;
			for (ChecklistLayout.Line line : layout.lines()) {
				Row row = sheet.createRow(rowIndex);
				if (line instanceof ChecklistLayout.Heading h) {
					spanning(row, h.text(), heading);
				}
				else if (line instanceof ChecklistLayout.SubHeading s) {
					spanning(row, s.text(), subHeading);
				}
				else if (line instanceof ChecklistLayout.ItemLine item) {
					item(row, item);
				}
				rowIndex++;
			}
			columns();
			printSetup();
		}

		private void titleBlock() {
			spanningText(TITLE_ROW, layout.title(), title);
			spanningText(TITLE_ROW + 1, layout.formTitle(), bold);
			spanningText(TITLE_ROW + 2, layout.inspectionNotice(), bold);
			spanningText(TITLE_ROW + 3, layout.nameLine(), plain);
			spanningText(TITLE_ROW + 4, layout.fiscalYearLine(), plain);
		}

		private void spanningText(int rowIndex, String text, CellStyle style) {
			Row row = sheet.createRow(rowIndex);
			text(row, 0, text, style);
			sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 0, lastColumn));
		}

		private void headerRow() {
			Row row = sheet.createRow(HEADER_ROW);
			List<String> headers = layout.columnHeaders();
			int lines = 1;
			for (int c = 0; c < headers.size(); c++) {
				text(row, c, headers.get(c), header);
				lines = Math.max(lines, estimatedLines(headers.get(c), width(c)));
			}
			row.setHeightInPoints(lines * LINE_HEIGHT);
		}

		private void spanning(Row row, String text, CellStyle style) {
			text(row, 0, text, style);
			for (int c = 1; c <= lastColumn; c++) {
				row.createCell(c).setCellStyle(style);
			}
			sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, lastColumn));
		}

		private void item(Row row, ChecklistLayout.ItemLine item) {
			int c = 0;
			text(row, c++, item.number(), cell);
			text(row, c++, item.text(), cell);
			text(row, c++, item.scope(), centered);
			for (ChecklistLayout.RoundCells round : item.rounds()) {
				text(row, c++, round.result(), centered);
				text(row, c++, round.checkedOn(), centered);
				text(row, c++, round.targetDate(), centered);
			}
			text(row, c, item.note(), cell);
			int lines = Math.max(estimatedLines(item.text(), TEXT_WIDTH), estimatedLines(item.note(), NOTE_WIDTH));
			lines = Math.max(lines, estimatedLines(item.number(), NUMBER_WIDTH));
			row.setHeightInPoints(lines * LINE_HEIGHT);
		}

		private static void text(Row row, int column, String value, CellStyle style) {
			Cell c = row.createCell(column);
			c.setCellValue(value == null ? "" : value);
			c.setCellStyle(style);
		}

		private int width(int column) {
			if (column == 0) {
				return NUMBER_WIDTH;
			}
			if (column == 1) {
				return TEXT_WIDTH;
			}
			if (column == 2) {
				return SCOPE_WIDTH;
			}
			if (column == lastColumn) {
				return NOTE_WIDTH;
			}
			return (column - 3) % 3 == 0 ? RESULT_WIDTH : DATE_WIDTH;
		}

		private void columns() {
			for (int c = 0; c <= lastColumn; c++) {
				sheet.setColumnWidth(c, width(c) * 256);
			}
		}

		private void printSetup() {
			PrintSetup print = sheet.getPrintSetup();
			print.setPaperSize(PrintSetup.A4_PAPERSIZE);
			print.setLandscape(true);
			print.setFitWidth((short) 1);
			print.setFitHeight((short) 0);
			sheet.setFitToPage(true);
			sheet.setAutobreaks(true);
			sheet.setHorizontallyCenter(true);
			sheet.setMargin(Sheet.LeftMargin, 0.4);
			sheet.setMargin(Sheet.RightMargin, 0.4);
			sheet.setMargin(Sheet.TopMargin, 0.5);
			sheet.setMargin(Sheet.BottomMargin, 0.6);
			sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
			sheet.createFreezePane(0, HEADER_ROW + 1);
			// &P and &N are Excel's header/footer codes for the page number and the page
			// count
			sheet.getFooter().setCenter("&P / &N");
		}

		/**
		 * Lines a wrapped cell needs, counting full-width characters as two columns:
		 * Excel does not grow rows to fit wrapped text written by POI, so the height is
		 * set from this estimate.
		 */
		static int estimatedLines(String text, int widthInChars) {
			if (text == null || text.isEmpty()) {
				return 1;
			}
			int lines = 0;
			for (String part : text.split("\n", -1)) {
				int columns = 0;
				for (int i = 0; i < part.length(); i++) {
					columns += part.charAt(i) < 0x2E80 ? 1 : 2;
				}
				lines += Math.max(1, (int) Math.ceil(columns / (double) (widthInChars - 1)));
			}
			return lines;
		}

	}

}
