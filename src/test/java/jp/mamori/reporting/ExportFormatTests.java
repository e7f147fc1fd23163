package jp.mamori.reporting;

import jp.mamori.shared.BadInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportFormatTests {

	@ParameterizedTest
	@CsvSource({ "xlsx, XLSX", "XLSX, XLSX", "' pdf ', PDF", "Pdf, PDF" })
	void readsTheCodeInAnyCase(String code, ExportFormat expected) {
		assertThat(ExportFormat.fromCode(code)).isEqualTo(expected);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "xls", "csv", "docx" })
	void rejectsAnythingElseInJapanese(String code) {
		assertThatThrownBy(() -> ExportFormat.fromCode(code)).isInstanceOf(BadInputException.class)
			.hasMessageStartingWith("出力形式は xlsx または pdf を指定してください");
	}

}
