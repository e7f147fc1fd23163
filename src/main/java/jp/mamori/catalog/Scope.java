package jp.mamori.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The scope headings the form groups section-2 rows under. */
public enum Scope {

	GENERAL("general", "医療情報システム全般"), SERVER("server", "サーバ"), PC("pc", "端末PC"), NETWORK("network", "ネットワーク機器");

	private final String code;

	private final String label;

	Scope(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	/** The heading as printed on the form. */
	public String label() {
		return label;
	}

	public static Optional<Scope> fromCode(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}

}
