package jp.mamori.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An exported workbook read back with POI: every row of its one sheet as the strings in
 * its cells.
 */
record ExportedWorkbook(String sheetName, int sheetCount, List<List<String>> rows) {

	static ExportedWorkbook read(byte[] xlsx) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<List<String>> rows = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < row.getLastCellNum(); c++) {
						Cell cell = row.getCell(c);
						if (cell != null && cell.getCellType() != CellType.STRING
								&& cell.getCellType() != CellType.BLANK) {
							throw new AssertionError("cell " + r + "/" + c + " is not text: " + cell.getCellType());
						}
						cells.add(cell == null ? "" : cell.getStringCellValue());
					}
				}
				rows.add(cells);
			}
			return new ExportedWorkbook(workbook.getSheetName(0), workbook.getNumberOfSheets(), rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String cell(int row, int column) {
		List<String> cells = rows.get(row);
		return column < cells.size() ? cells.get(column) : "";
	}

	int headerRow() {
		for (int r = 0; r < rows.size(); r++) {
			if (cell(r, 0).equals("項目番号")) {
				return r;
			}
		}
		throw new AssertionError("no header row");
	}

	List<String> header() {
		return rows.get(headerRow());
	}

	/**
	 * The table below the header: headings and sub-headings as one cell, item rows as all
	 * their cells.
	 */
	List<List<String>> table() {
		return rows.subList(headerRow() + 1, rows.size())
			.stream()
			.map(cells -> cells.subList(1, cells.size()).stream().allMatch(String::isEmpty) ? cells.subList(0, 1)
					: cells)
			.toList();
	}

	/** The item row with this number and 対象 (for rows split by scope). */
	List<String> item(String number, String scope) {
		return table().stream()
			.filter(cells -> cells.size() > 1 && cells.get(0).equals(number) && cells.get(2).equals(scope))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + number + " " + scope));
	}

	/** Index of a header cell, e.g. {@code 2回目 確認日}. */
	int column(String header) {
		int index = header().indexOf(header);
		if (index < 0) {
			throw new AssertionError("no column " + header + " in " + header());
		}
		return index;
	}

}
