package jp.mamori.vendorportal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.mamori.catalog.CatalogItem;
import jp.mamori.catalog.ChecklistForm;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerColumn;
import jp.mamori.shared.ledger.LedgerValues;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Reads a vendor's filled 事業者確認用 Excel form — the official layout Mamori exports
 * ({@code mamori export checklist … --form vendor}: a header row starting 項目番号, the item
 * number in the first column, per round 確認結果 / 確認日 / 目標日, 備考 last) — into the vendor's
 * answer, for a client whose vendor has no users in Mamori. The preview lists every row
 * with per-row Japanese errors (row and field); confirming records it as an accepted
 * vendor answer, exactly as if accepted from the portal. The last round's columns are
 * read when the form has several.
 */
@Service
public class VendorFormImport {

	/**
	 * The headings the reporting module's workbook writes (jp.mamori.reporting.internal).
	 */
	static final String NUMBER = "項目番号";

	static final String RESULT = "確認結果";

	static final String CHECKED_ON = "確認日";

	static final String TARGET_DATE = "目標日";

	static final String NOTE = "備考";

	/** Rows above the header that are searched for it (the title block has five). */
	private static final int HEADER_SEARCH = 30;

	/**
	 * The ledger module's date reading (ISO, 2025/6/1, 令和7年6月1日), reused rather than
	 * written again.
	 */
	private static final LedgerColumn DATE = LedgerColumn.date("date", CHECKED_ON, "Date").build();

	/** One item row as read. */
	public record Line(int rowNumber, String itemId, String label, String answer, LocalDate checkedOn,
			LocalDate targetDate, String note) {
	}

	/** A problem with the file (row 0) or one row and field, in Japanese. */
	public record Problem(int rowNumber, String field, String message) {
	}

	/** What the file holds, and what is wrong with it. */
	public record Preview(List<Line> lines, List<Problem> problems) {

		public boolean ok() {
			return problems.isEmpty() && !lines.isEmpty();
		}

	}

	private final VendorRequests requests;

	private final long maxBytes;

	VendorFormImport(VendorRequests requests, @Value("${mamori.vendorportal.import-max-bytes:5242880}") long maxBytes) {
		this.requests = requests;
		this.maxBytes = maxBytes;
	}

	public long maxBytes() {
		return maxBytes;
	}

	/**
	 * Reads the file against the 事業者確認用 form of the version, 目標日 checked against the 年度.
	 * @throws BadInputException when the file is too large or not an xlsx form at all
	 */
	public Preview preview(String versionId, Integer fiscalYear, byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new BadInputException("事業者が記入した Excel ファイル（.xlsx）を選んでください");
		}
		if (bytes.length > maxBytes) {
			throw new BadInputException("ファイルが大きすぎます（上限 " + (maxBytes / (1024 * 1024)) + "MB）");
		}
		// an xlsx is a ZIP: anything else (xls, csv, pdf …) is refused before POI sees it
		if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
			throw new BadInputException("Excel ファイル（.xlsx）ではありません。Mamori が出力した事業者確認用の様式に記入したファイルを選んでください");
		}
		ChecklistForm form = requests.formOf(versionId);
		FiscalYear year = fiscalYear == null ? null : FiscalYear.of(fiscalYear);
		// zip-bomb guard: POI's own ratio check, at its default
		ZipSecureFile.setMinInflateRatio(0.01);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			return read(workbook.getSheetAt(0), form, year);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof BadInputException bad) {
				throw bad;
			}
			throw new BadInputException("Excel ファイル（.xlsx）として読めません。Mamori が出力した事業者確認用の様式か確かめてください");
		}
	}

	/**
	 * Stores the file's answer as the named vendor's accepted answer for the client.
	 * @throws InvalidInputException listing the rows at fault; nothing is stored then
	 */
	public VendorRequest confirm(OrgId client, String vendorId, Integer fiscalYear, String versionId, String systems,
			String fileName, byte[] bytes, String by) {
		Preview preview = preview(versionId, fiscalYear, bytes);
		if (!preview.problems().isEmpty()) {
			throw new InvalidInputException(
					preview.problems().stream().map(p -> new FieldViolation(p.field(), p.message())).toList());
		}
		Map<String, VendorAnswer> answers = new LinkedHashMap<>();
		Map<String, LocalDate> checkedOn = new HashMap<>();
		for (Line line : preview.lines()) {
			answers.put(line.itemId(), new VendorAnswer(line.itemId(), line.answer(), line.targetDate(), line.note()));
			if (line.checkedOn() != null) {
				checkedOn.put(line.itemId(), line.checkedOn());
			}
		}
		return requests.recordImported(client, vendorId, fiscalYear, versionId, systems, answers, checkedOn,
				fileName == null ? "" : fileName, by);
	}

	private static Preview read(Sheet sheet, ChecklistForm form, FiscalYear year) {
		DataFormatter formatter = new DataFormatter(Locale.JAPAN);
		int header = -1;
		for (int r = 0; r <= Math.min(sheet.getLastRowNum(), HEADER_SEARCH); r++) {
			if (NUMBER.equals(text(sheet.getRow(r), 0, formatter))) {
				header = r;
				break;
			}
		}
		if (header < 0) {
			throw new BadInputException("「項目番号」の見出し行が見つかりません。Mamori が出力した事業者確認用の様式に記入したファイルを選んでください");
		}
		Row headings = sheet.getRow(header);
		int result = -1;
		int note = -1;
		for (int c = 0; c < headings.getLastCellNum(); c++) {
			String heading = text(headings, c, formatter);
			if (heading.endsWith(RESULT)) {
				// the last round's columns: a form with 1回目 and 2回目 is read at 2回目
				result = c;
			}
			if (heading.equals(NOTE)) {
				note = c;
			}
		}
		if (result < 0 || note < 0 || !text(headings, result + 1, formatter).endsWith(CHECKED_ON)
				|| !text(headings, result + 2, formatter).endsWith(TARGET_DATE)) {
			throw new BadInputException("「確認結果」「確認日」「目標日」「備考」の見出しが様式どおりに並んでいません");
		}
		Map<String, CatalogItem> byLabel = new LinkedHashMap<>();
		form.items().forEach(item -> byLabel.put(item.label(), item));
		List<Line> lines = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			CatalogItem item = byLabel.get(text(row, 0, formatter));
			if (item == null) {
				// section headings and blank rows
				continue;
			}
			int rowNumber = r + 1;
			if (seen.putIfAbsent(item.id(), rowNumber) != null) {
				problems.add(new Problem(rowNumber, NUMBER,
						rowNumber + "行目 項目番号: " + item.label() + " が2回あります（" + seen.get(item.id()) + "行目）"));
				continue;
			}
			String answer = switch (text(row, result, formatter)) {
				case "はい" -> "yes";
				case "いいえ" -> "no";
				default -> null;
			};
			if (answer == null) {
				problems.add(new Problem(rowNumber, RESULT,
						rowNumber + "行目 確認結果（" + item.label() + "）: 「はい」か「いいえ」を入力してください"));
			}
			LocalDate checkedOn = date(row, result + 1, formatter, rowNumber, item, CHECKED_ON, problems);
			LocalDate target = date(row, result + 2, formatter, rowNumber, item, TARGET_DATE, problems);
			if ("no".equals(answer) && target == null && text(row, result + 2, formatter).isEmpty()) {
				problems.add(new Problem(rowNumber, TARGET_DATE,
						rowNumber + "行目 目標日（" + item.label() + "）: 「いいえ」の場合は目標日を入力してください"));
			}
			else if ("no".equals(answer) && target != null && year != null && !year.contains(target)) {
				problems.add(new Problem(rowNumber, TARGET_DATE,
						rowNumber + "行目 目標日（" + item.label() + "）: " + year.japaneseLabel() + "内の日付にしてください"));
			}
			String noteText = text(row, note, formatter);
			if (noteText.length() > AnswerRules.MAX_TEXT) {
				problems.add(new Problem(rowNumber, NOTE, rowNumber + "行目 備考（" + item.label() + "）: 2000文字以内にしてください"));
			}
			lines.add(new Line(rowNumber, item.id(), item.label(), answer, checkedOn,
					"no".equals(answer) ? target : null, noteText.isEmpty() ? null : noteText));
		}
		for (CatalogItem item : form.items()) {
			if (!seen.containsKey(item.id())) {
				problems.add(new Problem(0, NUMBER, "項目 " + item.label() + " の行がありません"));
			}
		}
		return new Preview(List.copyOf(lines), List.copyOf(problems));
	}

	private static LocalDate date(Row row, int column, DataFormatter formatter, int rowNumber, CatalogItem item,
			String field, List<Problem> problems) {
		String value = text(row, column, formatter);
		if (value.isEmpty()) {
			return null;
		}
		try {
			return (LocalDate) LedgerValues.parse(DATE, value);
		}
		catch (BadInputException ex) {
			problems.add(new Problem(rowNumber, field,
					rowNumber + "行目 " + field + "（" + item.label() + "）: " + ex.getMessage()));
			return null;
		}
	}

	private static String text(Row row, int column, DataFormatter formatter) {
		if (row == null || column < 0) {
			return "";
		}
		Cell cell = row.getCell(column);
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate().toString();
		}
		return formatter.formatCellValue(cell).strip();
	}

}
