package jp.mamori.backup.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables of the Flyway-managed schema as the database itself reports them, in the
 * order their foreign keys allow rows to be inserted (a referenced table before the
 * tables that refer to it). Read from JDBC metadata rather than listed in code, so that a
 * table a later migration adds is backed up and restored without touching this module.
 */
public final class DatabaseSchema {

	/**
	 * Tables that are not data worth keeping, or that the target database owns: Flyway's
	 * history (the target has its own; the version is compared instead), HTTP sessions
	 * (Spring Session; nobody should be logged in by a restore) and scheduled-job locks
	 * (held by the nodes of the instance that wrote them).
	 */
	public static final Set<String> EXCLUDED = Set.of("flyway_schema_history", "spring_session",
			"spring_session_attributes", "job_lock");

	/** One column: its name as the database spells it, and its types. */
	public record Column(String name, ColumnType type, int jdbcType, boolean generated) {

		public String key() {
			return name.toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One table: its name as the database spells it, its columns in their declared order,
	 * the tables it refers to, and the columns that refer to its own rows.
	 */
	public record Table(String name, List<Column> columns, Set<String> references, Map<String, String> selfReferences) {

		/** The lower-case name used in backup files (H2 reports upper case). */
		public String key() {
			return name.toLowerCase(Locale.ROOT);
		}

		public String quoted() {
			return quote(name);
		}

		public Column column(String key) {
			return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
		}

	}

	private final List<Table> tables;

	private final String product;

	private DatabaseSchema(List<Table> tables, String product) {
		this.tables = tables;
		this.product = product;
	}

	/** The partitions of partitioned tables (PostgreSQL); none elsewhere. */
	static Set<String> partitions(Connection connection) throws SQLException {
		Set<String> names = new TreeSet<>();
		if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
			return names;
		}
		try (var statement = connection
			.prepareStatement("select c.relname from pg_catalog.pg_class c where c.relispartition and c.relnamespace = "
					+ "(select oid from pg_catalog.pg_namespace where nspname = current_schema())");
				ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				names.add(rs.getString(1).toLowerCase(Locale.ROOT));
			}
		}
		return names;
	}

	/** Reads the current schema of the connection's database. */
	public static DatabaseSchema read(Connection connection) throws SQLException {
		DatabaseMetaData meta = connection.getMetaData();
		String schema = connection.getSchema();
		Map<String, String> names = new TreeMap<>();
		Set<String> partitions = partitions(connection);
		try (ResultSet rs = meta.getTables(null, schema, "%", null)) {
			while (rs.next()) {
				String type = rs.getString("TABLE_TYPE");
				// H2 2.x says "BASE TABLE", PostgreSQL "TABLE" (and "PARTITIONED TABLE"
				// for
				// the parent of partitions); views and system tables are not data
				if ("TABLE".equalsIgnoreCase(type) || "BASE TABLE".equalsIgnoreCase(type)
						|| "PARTITIONED TABLE".equalsIgnoreCase(type)) {
					String name = rs.getString("TABLE_NAME");
					// a partition's rows are read and written through its parent, which
					// routes them: the backup names the logical table only, so that a
					// database partitioned differently (or H2, not at all) restores it
					if (!EXCLUDED.contains(name.toLowerCase(Locale.ROOT))
							&& !partitions.contains(name.toLowerCase(Locale.ROOT))) {
						names.put(name.toLowerCase(Locale.ROOT), name);
					}
				}
			}
		}
		Map<String, Table> byKey = new LinkedHashMap<>();
		for (String name : names.values()) {
			List<Column> columns = new ArrayList<>();
			try (ResultSet rs = meta.getColumns(null, schema, name, "%")) {
				while (rs.next()) {
					String column = rs.getString("COLUMN_NAME");
					int jdbcType = rs.getInt("DATA_TYPE");
					String typeName = rs.getString("TYPE_NAME");
					columns.add(new Column(column, ColumnType.of(jdbcType, typeName, name, column), jdbcType,
							"YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))));
				}
			}
			Set<String> references = new TreeSet<>();
			Map<String, String> self = new LinkedHashMap<>();
			try (ResultSet rs = meta.getImportedKeys(null, schema, name)) {
				while (rs.next()) {
					String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
					if (parent.equals(name.toLowerCase(Locale.ROOT))) {
						self.put(rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
								rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
					}
					else if (!EXCLUDED.contains(parent)) {
						references.add(parent);
					}
				}
			}
			byKey.put(name.toLowerCase(Locale.ROOT), new Table(name, List.copyOf(columns), references, self));
		}
		return new DatabaseSchema(inDependencyOrder(byKey),
				meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
	}

	/**
	 * Kahn's topological sort, alphabetical among tables that are ready at the same time
	 * so that every backup of one schema lists its tables in the same order.
	 */
	static List<Table> inDependencyOrder(Map<String, Table> byKey) {
		List<Table> ordered = new ArrayList<>();
		Set<String> done = new TreeSet<>();
		while (ordered.size() < byKey.size()) {
			Table next = null;
			for (Table t : new TreeMap<>(byKey).values()) {
				if (!done.contains(t.key())
						&& done.containsAll(t.references().stream().filter(byKey::containsKey).toList())) {
					next = t;
					break;
				}
			}
			if (next == null) {
				List<String> left = byKey.keySet().stream().filter(k -> !done.contains(k)).toList();
				throw new IllegalStateException("外部キーが循環しているため、挿入順を決められません: " + left);
			}
			ordered.add(next);
			done.add(next.key());
		}
		return List.copyOf(ordered);
	}

	/** The tables, referenced ones first. */
	public List<Table> tables() {
		return tables;
	}

	/** Database product and version, e.g. {@code PostgreSQL 15.18}. */
	public String product() {
		return product;
	}

	public boolean isPostgres() {
		return product.toLowerCase(Locale.ROOT).startsWith("postgres");
	}

	public Table table(String key) {
		return tables.stream().filter(t -> t.key().equals(key)).findFirst().orElse(null);
	}

	/** An identifier quoted exactly as the database reports it (keywords are safe). */
	public static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
