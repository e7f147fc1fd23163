package jp.mamori.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jp.mamori.shared.FormulaInjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one rule against formula injection in exports, and a check that no export writes a
 * formula cell or neutralises CSV cells its own way.
 */
class FormulaInjectionTests {

	@ParameterizedTest
	@ValueSource(strings = { "=1+1", "+81-3-1234-5678", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd",
			"=HYPERLINK(\"http://example.invalid\")" })
	void neutralisesACellExcelWouldRunAndRestoresItOnImport(String text) {
		String cell = FormulaInjection.neutralise(text);

		assertThat(cell).isEqualTo("'" + text);
		assertThat(FormulaInjection.restore(cell)).isEqualTo(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "電子カルテ", "192.168.1.10", "'quoted", "a=b", "" })
	void leavesOrdinaryTextAlone(String text) {
		assertThat(FormulaInjection.neutralise(text)).isEqualTo(text);
		assertThat(FormulaInjection.restore(text)).isEqualTo(text);
	}

	@Test
	void leavesNullAlone() {
		assertThat(FormulaInjection.neutralise(null)).isNull();
	}

	/**
	 * Every workbook is written with text or number cells only, and CSV cells go through
	 * the one rule: a new export that calls {@code setCellFormula} or hand-rolls the
	 * apostrophe fails here.
	 */
	@Test
	void noExportWritesAFormulaOrItsOwnCopyOfTheRule() throws IOException {
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			List<Path> java = sources.filter(p -> p.toString().endsWith(".java")).toList();
			for (Path source : java) {
				String text = Files.readString(source);
				assertThat(text).as("%s", source).doesNotContain("setCellFormula");
				if (!source.endsWith("FormulaInjection.java")) {
					assertThat(text).as("%s", source).doesNotContain("\"=+-@");
				}
			}
		}
	}

}
