package jp.mamori.audit.web;

import java.util.Locale;

import jp.mamori.shared.BadInputException;

/**
 * The files the trail is exported as: CSV in UTF-8 with a BOM (Excel on Windows then
 * reads it correctly), CSV in Shift_JIS (CP932) for older tools, or an Excel workbook.
 */
enum AuditExportFormat {

	CSV_UTF8("csv", "text/csv;charset=UTF-8", "CSV（UTF-8）"),
	CSV_CP932("csv", "text/csv;charset=windows-31j", "CSV（Shift_JIS）"),
	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel");

	/** Rows a worksheet holds below its header row. */
	static final long SHEET_ROWS = 1_048_575;

	private final String extension;

	private final String contentType;

	private final String description;

	AuditExportFormat(String extension, String contentType, String description) {
		this.extension = extension;
		this.contentType = contentType;
		this.description = description;
	}

	/**
	 * {@code format=csv|xlsx} (csv when absent), {@code encoding=utf-8|cp932} for CSV.
	 */
	static AuditExportFormat of(String format, String encoding) {
		String f = format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(Locale.ROOT);
		String e = encoding == null || encoding.isBlank() ? "utf-8" : encoding.strip().toLowerCase(Locale.ROOT);
		return switch (f) {
			case "xlsx" -> XLSX;
			case "csv" -> switch (e) {
				case "utf-8", "utf8" -> CSV_UTF8;
				case "cp932", "ms932", "windows-31j", "shift_jis", "sjis" -> CSV_CP932;
				default -> throw new BadInputException("文字コードは utf-8 または cp932 を指定してください: " + encoding);
			};
			default -> throw new BadInputException("出力形式は csv または xlsx を指定してください: " + format);
		};
	}

	String extension() {
		return extension;
	}

	String contentType() {
		return contentType;
	}

	String description() {
		return description;
	}

	long maxRows() {
		return this == XLSX ? SHEET_ROWS : Long.MAX_VALUE;
	}

}
