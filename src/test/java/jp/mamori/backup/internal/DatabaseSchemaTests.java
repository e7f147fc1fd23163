package jp.mamori.backup.internal;

import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.mamori.backup.internal.DatabaseSchema.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tables are loaded referenced-first, deterministically; a foreign-key cycle is named
 * rather than guessed at; column types are decided the same way for H2 and PostgreSQL.
 */
class DatabaseSchemaTests {

	static Table table(String name, String... references) {
		return new Table(name, List.of(), Set.of(references), Map.of());
	}

	@Test
	void ordersReferencedTablesFirstAndAlphabeticallyOtherwise() {
		Map<String, Table> tables = new LinkedHashMap<>();
		for (Table t : List.of(table("answer", "assessment", "organization"), table("assessment", "organization"),
				table("audit_entry"), table("organization"), table("evidence_file", "organization"))) {
			tables.put(t.key(), t);
		}

		assertThat(DatabaseSchema.inDependencyOrder(tables).stream().map(Table::key)).containsExactly("audit_entry",
				"organization", "assessment", "answer", "evidence_file");
	}

	@Test
	void namesTheTablesOfAForeignKeyCycle() {
		Map<String, Table> tables = Map.of("a", table("a", "b"), "b", table("b", "a"), "c", table("c"));

		assertThatIllegalStateException().isThrownBy(() -> DatabaseSchema.inDependencyOrder(tables))
			.withMessageContaining("循環")
			.withMessageContaining("a")
			.withMessageContaining("b");
	}

	@Test
	void decidesTheSameTypeWhateverTheDatabaseCallsIt() {
		assertThat(ColumnType.of(Types.TIMESTAMP, "timestamptz", "t", "c")).isEqualTo(ColumnType.TIMESTAMPTZ);
		assertThat(ColumnType.of(Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE", "t", "c"))
			.isEqualTo(ColumnType.TIMESTAMPTZ);
		assertThat(ColumnType.of(Types.OTHER, "uuid", "t", "c")).isEqualTo(ColumnType.UUID);
		assertThat(ColumnType.of(Types.BINARY, "UUID", "t", "c")).isEqualTo(ColumnType.UUID);
		assertThat(ColumnType.of(Types.BINARY, "bytea", "t", "c")).isEqualTo(ColumnType.BYTES);
		assertThat(ColumnType.of(Types.TIMESTAMP, "timestamp", "t", "c")).isEqualTo(ColumnType.TIMESTAMP);
		assertThatIllegalStateException().isThrownBy(() -> ColumnType.of(Types.ARRAY, "INTEGER ARRAY", "t", "c"))
			.withMessageContaining("t.c");
	}

}
