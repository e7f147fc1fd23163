package jp.mamori.shared.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.mamori.shared.JavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 20261129.98: every ledger table gets {@code label_key} (see
 * {@link LedgerLabelKey}), filled from the label column of the rows already stored. A
 * Java migration because the key is NFKC-normalised, which neither database does in SQL.
 * <p>
 * On H2 (the embedded database of a clinic PC) an index on (org_id, label_key, label,
 * created_at, id) lets the filtered count and the page of ids be read from the index
 * alone; measured on the device list at 10,000 devices (docs/benchmarks.md). PostgreSQL
 * gets no such index: a B-tree does not serve {@code like '%…%'}, and an entry holding a
 * long label twice could pass PostgreSQL's index row size limit and refuse the row.
 * <p>
 * The tables are listed here rather than read from the ledger definitions: a migration is
 * a snapshot of the schema at its version. A ledger added later creates its table with
 * {@code label_key} (and, for the H2 speed, the same index); the ledger schema scenarios
 * fail for a ledger table without the column or for a label column that differs from this
 * list.
 */
@Component
class LedgerLabelKeyMigration extends JavaMigration {

	/** Ledger table and its label column, at migration 98. */
	static final Map<String, String> TABLES = tables();

	private static Map<String, String> tables() {
		Map<String, String> t = new LinkedHashMap<>();
		t.put("inventory_device", "name");
		t.put("inventory_remote_connection", "vendor");
		t.put("inventory_software_allowlist", "software");
		t.put("inventory_cloud_service", "name");
		t.put("inventory_wifi", "ssid");
		t.put("policy_security_manager", "person");
		t.put("policy_document", "title");
		t.put("policy_training", "title");
		t.put("continuity_contact", "name");
		t.put("continuity_backup", "system");
		t.put("continuity_recovery_procedure", "system");
		t.put("continuity_bcp_point", "point");
		t.put("account_staff", "name");
		t.put("account_account", "user_id");
		t.put("account_role_matrix", "info_class");
		t.put("account_password_policy", "system");
		t.put("accesslog_log_source", "source");
		t.put("vendor_vendor", "name");
		t.put("vendor_mds_sds", "vendor");
		return Map.copyOf(t);
	}

	LedgerLabelKeyMigration() {
		super("20261129.98", "ledger label key");
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
		for (Map.Entry<String, String> e : TABLES.entrySet()) {
			addKey(connection, e.getKey(), e.getValue(), h2);
		}
	}

	static void addKey(Connection connection, String table, String label, boolean h2) throws Exception {
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("alter table " + table + " add column label_key varchar");
		}
		try (Statement read = connection.createStatement();
				ResultSet rows = read.executeQuery("select id, " + label + " from " + table);
				PreparedStatement write = connection
					.prepareStatement("update " + table + " set label_key = ? where id = ?")) {
			int pending = 0;
			while (rows.next()) {
				write.setString(1, LedgerLabelKey.of(rows.getString(2)));
				write.setObject(2, rows.getObject(1));
				write.addBatch();
				if (++pending == 1000) {
					write.executeBatch();
					pending = 0;
				}
			}
			if (pending > 0) {
				write.executeBatch();
			}
		}
		if (h2) {
			try (Statement ddl = connection.createStatement()) {
				ddl.execute("create index " + table + "_label_key_idx on " + table + " (org_id, label_key, " + label
						+ ", created_at, id)");
			}
		}
	}

}
