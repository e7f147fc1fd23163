package jp.mamori.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarekiDateTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "2019-04-30, 平成31年4月30日", "2019-05-01, 令和元年5月1日", "2019-12-31, 令和元年12月31日", "2020-01-01, 令和2年1月1日",
			"2025-04-01, 令和7年4月1日", "2026-03-31, 令和8年3月31日", "1989-01-07, 昭和64年1月7日", "1989-01-08, 平成元年1月8日" })
	void formatsAsFormsPrintIt(LocalDate date, String wareki) {
		assertThat(WarekiDate.of(date).toString()).isEqualTo(wareki);
		assertThat(WarekiDate.parse(wareki).date()).isEqualTo(date);
	}

	@Test
	void readsTheFirstYearWrittenAsOne() {
		assertThat(WarekiDate.parse("令和1年5月1日").date()).isEqualTo(LocalDate.of(2019, 5, 1));
		assertThat(WarekiDate.parse(" 令和 7 年 6 月 1 日 ").date()).isEqualTo(LocalDate.of(2025, 6, 1));
	}

	@Test
	void rejectsDatesOutsideTheEra() {
		assertThatThrownBy(() -> WarekiDate.parse("令和元年4月30日")).isInstanceOf(BadInputException.class)
			.hasMessageContaining("存在しない日付");
		assertThatThrownBy(() -> WarekiDate.parse("令和7年2月30日")).isInstanceOf(BadInputException.class);
		assertThatThrownBy(() -> WarekiDate.parse("2025/06/01")).isInstanceOf(BadInputException.class)
			.hasMessageContaining("例: 令和7年4月1日");
	}

	@Test
	void formatsNothingAsAnEmptyCell() {
		assertThat(WarekiDate.format(null)).isEmpty();
	}

}
