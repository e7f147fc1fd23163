package jp.mamori.rollup.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import jp.mamori.rollup.Rollup;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A roll-up as an Excel workbook: sheet 項目別 (per item: はい / いいえ / 未回答 / はいの割合) and sheet
 * 拠点別 (per member: consent, answered, はい, overdue 目標日, critical findings). Numbers are
 * numeric cells; members whose consent hides their numbers have empty cells.
 */
public final class RollupWorkbook {

	public static final String ITEMS_SHEET = "項目別";

	public static final String MEMBERS_SHEET = "拠点別";

	private RollupWorkbook() {
	}

	public static byte[] render(Rollup rollup) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			items(workbook.createSheet(ITEMS_SHEET), rollup, bold);
			members(workbook.createSheet(MEMBERS_SHEET), rollup, bold);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void items(Sheet sheet, Rollup rollup, CellStyle bold) {
		title(sheet, rollup, bold);
		header(sheet.createRow(2), bold, List.of("項目ID", "番号", "項目", "はい", "いいえ", "未回答", "はいの割合"));
		int r = 3;
		for (Rollup.ItemRollup item : rollup.items()) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(item.itemId());
			row.createCell(1).setCellValue(item.number());
			row.createCell(2).setCellValue(item.text());
			row.createCell(3).setCellValue(item.yes());
			row.createCell(4).setCellValue(item.no());
			row.createCell(5).setCellValue(item.unanswered());
			row.createCell(6).setCellValue(item.shareYes());
		}
		sheet.setColumnWidth(2, 60 * 256);
	}

	private static void members(Sheet sheet, Rollup rollup, CellStyle bold) {
		title(sheet, rollup, bold);
		List<String> headers = new java.util.ArrayList<>(List.of("組織ID", "拠点", "開示範囲", "回答済み", "はい", "目標日超過"));
		headers.addAll(Rollup.CRITICAL_CHECKS);
		header(sheet.createRow(2), bold, headers);
		int r = 3;
		for (Rollup.MemberRollup member : rollup.members()) {
			Row row = sheet.createRow(r++);
			row.createCell(0).setCellValue(member.org().toString());
			row.createCell(1).setCellValue(member.name());
			row.createCell(2).setCellValue(member.consent().code());
			number(row, 3, member.answered());
			number(row, 4, member.yes());
			number(row, 5, member.overdue());
			for (int i = 0; i < Rollup.CRITICAL_CHECKS.size(); i++) {
				number(row, 6 + i, member.critical().get(Rollup.CRITICAL_CHECKS.get(i)));
			}
		}
		sheet.setColumnWidth(1, 30 * 256);
	}

	private static void title(Sheet sheet, Rollup rollup, CellStyle bold) {
		var cell = sheet.createRow(0).createCell(0);
		cell.setCellValue(
				rollup.groupName() + " " + rollup.fiscalYear().japaneseLabel() + " グループ集計（" + rollup.today() + " 時点）");
		cell.setCellStyle(bold);
	}

	private static void header(Row row, CellStyle bold, List<String> names) {
		for (int i = 0; i < names.size(); i++) {
			var cell = row.createCell(i);
			cell.setCellValue(names.get(i));
			cell.setCellStyle(bold);
		}
	}

	private static void number(Row row, int column, Integer value) {
		if (value != null) {
			row.createCell(column).setCellValue(value);
		}
	}

}
