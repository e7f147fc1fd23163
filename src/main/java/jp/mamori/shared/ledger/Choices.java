package jp.mamori.shared.ledger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The codes and Japanese labels of a {@link ColumnType#CHOICE} column, in the order they
 * are offered.
 */
public final class Choices {

	private Choices() {
	}

	/** {@code of("server", "サーバ", "pc", "端末PC")}: code, label, code, label … */
	public static Map<String, String> of(String... codesAndLabels) {
		if (codesAndLabels.length % 2 != 0) {
			throw new IllegalArgumentException("codes and labels come in pairs");
		}
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < codesAndLabels.length; i += 2) {
			map.put(codesAndLabels[i], codesAndLabels[i + 1]);
		}
		return Collections.unmodifiableMap(map);
	}

}
