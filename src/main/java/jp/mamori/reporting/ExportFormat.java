package jp.mamori.reporting;

import java.util.Arrays;
import java.util.Locale;

import jp.mamori.shared.BadInputException;

/** The file formats the official checklist can be exported in. */
public enum ExportFormat {

	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), PDF("pdf", "application/pdf");

	private final String code;

	private final String contentType;

	ExportFormat(String code, String contentType) {
		this.code = code;
		this.contentType = contentType;
	}

	/** The code in URLs and the file extension: {@code xlsx}, {@code pdf}. */
	public String code() {
		return code;
	}

	public String contentType() {
		return contentType;
	}

	/**
	 * Reads {@code xlsx} or {@code pdf} (any case); anything else is bad input with a
	 * Japanese message.
	 */
	public static ExportFormat fromCode(String code) {
		String normalized = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(f -> f.code.equals(normalized))
			.findFirst()
			.orElseThrow(
					() -> new BadInputException("出力形式は xlsx または pdf を指定してください: " + (code == null ? "（指定なし）" : code)));
	}

}
