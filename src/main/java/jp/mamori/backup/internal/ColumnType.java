package jp.mamori.backup.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * The portable type of a column in a backup file: how a value is read from one database,
 * written as JSON, and bound again on another. H2 and PostgreSQL report the same SQL type
 * differently (PostgreSQL calls {@code timestamp with time zone} a {@code TIMESTAMP}
 * named {@code timestamptz}; H2 has its own UUID type), so the type is decided from the
 * JDBC type and its database-specific name together.
 */
public enum ColumnType {

	STRING, INTEGER, LONG, DECIMAL, DOUBLE, BOOLEAN, BYTES, UUID, DATE, TIME, TIMESTAMP, TIMESTAMPTZ;

	/** The portable type for a column as the database reports it. */
	public static ColumnType of(int jdbcType, String typeName, String table, String column) {
		String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
		if (name.equals("uuid")) {
			return UUID;
		}
		if (name.equals("timestamptz") || name.equals("timestamp with time zone")) {
			return TIMESTAMPTZ;
		}
		return switch (jdbcType) {
			case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
					Types.CLOB, Types.NCLOB ->
				STRING;
			case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> INTEGER;
			case Types.BIGINT -> LONG;
			case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
			case Types.REAL, Types.FLOAT, Types.DOUBLE -> DOUBLE;
			case Types.BOOLEAN, Types.BIT -> BOOLEAN;
			case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BYTES;
			case Types.DATE -> DATE;
			case Types.TIME -> TIME;
			case Types.TIMESTAMP -> TIMESTAMP;
			case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMPTZ;
			// refusing is better than a backup that silently loses a column
			default -> throw new IllegalStateException(
					"バックアップできない列の型です: " + table + "." + column + " (" + typeName + ", JDBC " + jdbcType + ")");
		};
	}

	/**
	 * Reads column {@code index} as a JSON-ready value: String, Long, Boolean or null.
	 * Instants are written in UTC so that H2 (which keeps the offset given) and
	 * PostgreSQL (which keeps none) produce the same text.
	 */
	public Object read(ResultSet rs, int index) throws SQLException {
		Object value = switch (this) {
			case STRING -> rs.getString(index);
			case INTEGER, LONG -> rs.getLong(index);
			case DECIMAL -> {
				BigDecimal d = rs.getBigDecimal(index);
				yield d == null ? null : d.toPlainString();
			}
			case DOUBLE -> Double.toString(rs.getDouble(index));
			case BOOLEAN -> rs.getBoolean(index);
			case BYTES -> {
				byte[] b = rs.getBytes(index);
				yield b == null ? null : Base64.getEncoder().encodeToString(b);
			}
			case UUID -> {
				Object u = rs.getObject(index);
				yield u == null ? null : u.toString();
			}
			case DATE -> text(rs.getObject(index, LocalDate.class));
			case TIME -> text(rs.getObject(index, LocalTime.class));
			case TIMESTAMP -> text(rs.getObject(index, LocalDateTime.class));
			case TIMESTAMPTZ -> {
				OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
				yield t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toString();
			}
		};
		return rs.wasNull() ? null : value;
	}

	/** Binds a value read back from a backup file. */
	public void bind(PreparedStatement statement, int index, JsonNode value, int targetJdbcType) throws SQLException {
		if (value == null || value.isNull()) {
			statement.setNull(index, targetJdbcType);
			return;
		}
		switch (this) {
			case STRING -> statement.setString(index, value.asString());
			case INTEGER -> statement.setInt(index, value.asInt());
			case LONG -> statement.setLong(index, value.asLong());
			case DECIMAL -> statement.setBigDecimal(index, new BigDecimal(value.asString()));
			case DOUBLE -> statement.setDouble(index, Double.parseDouble(value.asString()));
			case BOOLEAN -> statement.setBoolean(index, value.asBoolean());
			case BYTES -> statement.setBytes(index, Base64.getDecoder().decode(value.asString()));
			case UUID -> statement.setObject(index, java.util.UUID.fromString(value.asString()));
			case DATE -> statement.setObject(index, LocalDate.parse(value.asString()));
			case TIME -> statement.setObject(index, LocalTime.parse(value.asString()));
			case TIMESTAMP -> statement.setObject(index, LocalDateTime.parse(value.asString()));
			case TIMESTAMPTZ -> statement.setObject(index, OffsetDateTime.parse(value.asString()));
		}
	}

	/** The name written in the backup file's column header. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The type named in a backup file's column header. */
	public static ColumnType ofCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

}
