package jp.mamori.catalog;

import java.util.Arrays;
import java.util.Optional;

import jp.mamori.shared.BadInputException;

/** The three forms MHLW publishes per version. */
public enum FormCode {

	INSTITUTION("institution", "医療機関確認用"), PHARMACY("pharmacy", "薬局確認用"), VENDOR("vendor", "事業者確認用");

	private final String code;

	private final String label;

	FormCode(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public static Optional<FormCode> fromCode(String code) {
		return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
	}

	public static FormCode require(String code) {
		return fromCode(code)
			.orElseThrow(() -> new BadInputException("様式の指定が正しくありません（institution / pharmacy / vendor のいずれか）: " + code));
	}

}
