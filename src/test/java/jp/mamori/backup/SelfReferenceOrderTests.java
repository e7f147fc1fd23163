package jp.mamori.backup;

import java.sql.Types;
import java.util.List;
import java.util.Map;

import jp.mamori.backup.internal.ColumnType;
import jp.mamori.backup.internal.DatabaseSchema.Column;
import jp.mamori.shared.BadInputException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A table whose rows refer to rows of the same table (a tree) is loaded parents first,
 * whatever order the backup holds them in; rows that refer to each other in a circle are
 * refused.
 */
class SelfReferenceOrderTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<Column> COLUMNS = List.of(new Column("ID", ColumnType.STRING, Types.VARCHAR, false),
			new Column("PARENT_ID", ColumnType.STRING, Types.VARCHAR, false));

	static JsonNode row(String id, String parent) {
		return JSON.readTree(parent == null ? "[\"" + id + "\",null]" : "[\"" + id + "\",\"" + parent + "\"]");
	}

	@Test
	void putsEveryRowAfterTheRowItRefersTo() {
		List<JsonNode> rows = List.of(row("clinic", "group"), row("ward", "clinic"), row("group", null),
				row("self", "self"));

		List<JsonNode> ordered = DatabaseRestore.parentsFirst(rows, COLUMNS, Map.of("parent_id", "id"), "organization");

		assertThat(ordered.stream().map(r -> r.get(0).asString())).containsExactly("group", "self", "clinic", "ward");
	}

	@Test
	void refusesRowsThatReferToEachOtherInACircle() {
		List<JsonNode> rows = List.of(row("a", "b"), row("b", "a"));

		assertThatExceptionOfType(BadInputException.class)
			.isThrownBy(() -> DatabaseRestore.parentsFirst(rows, COLUMNS, Map.of("parent_id", "id"), "organization"))
			.withMessageContaining("organization");
	}

}
