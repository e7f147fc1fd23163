package jp.mamori.support;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerColumn;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.stereotype.Component;

/**
 * Object mother for ledger rows: creates a row in a ledger from raw texts by column key
 * (as typed in a form: "はい", "2025-06-01", choice labels or codes), filling required
 * columns that are not given with the column's example (or its first choice).
 */
@Component
public class LedgerMother {

	private final Ledgers ledgers;

	private final LedgerRecords records;

	LedgerMother(Ledgers ledgers, LedgerRecords records) {
		this.ledgers = ledgers;
		this.records = records;
	}

	public LedgerRow row(String ledgerId, OrgId org, Map<String, String> raw) {
		LedgerDefinition ledger = ledgers.require(ledgerId);
		Map<String, String> values = new LinkedHashMap<>(raw);
		for (LedgerColumn column : ledger.columns()) {
			if (column.required() && isBlank(values.get(column.key()))) {
				values.put(column.key(), defaultValue(column));
			}
		}
		return records.create(ledger, org, values, "test");
	}

	private static String defaultValue(LedgerColumn column) {
		if (!column.choices().isEmpty()) {
			return column.choices().keySet().iterator().next();
		}
		return column.example().isBlank() ? "テスト" : column.example();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
