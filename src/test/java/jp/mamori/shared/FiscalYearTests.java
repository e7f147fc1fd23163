package jp.mamori.shared;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiscalYearTests {

	@ParameterizedTest(name = "{0} is in the fiscal year starting {1}")
	@CsvSource({ "2025-03-31, 2024", "2025-04-01, 2025", "2025-12-31, 2025", "2026-01-01, 2025", "2026-03-31, 2025",
			"2026-04-01, 2026", "2019-04-30, 2019", "2020-02-29, 2019" })
	void changesOnTheFirstOfApril(LocalDate date, int startYear) {
		assertThat(FiscalYear.containing(date)).isEqualTo(FiscalYear.of(startYear));
	}

	@Test
	void runsFromAprilFirstToMarchThirtyFirst() {
		FiscalYear r7 = FiscalYear.of(2025);

		assertThat(r7.firstDay()).isEqualTo(LocalDate.of(2025, 4, 1));
		assertThat(r7.lastDay()).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(r7.contains(LocalDate.of(2026, 3, 31))).isTrue();
		assertThat(r7.contains(LocalDate.of(2026, 4, 1))).isFalse();
		assertThat(r7.contains(LocalDate.of(2025, 3, 31))).isFalse();
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "2025, 令和7年度", "2023, 令和5年度", "2019, 平成31年度", "2020, 令和2年度", "2018, 平成30年度" })
	void isLabelledByTheEraInForceOnAprilFirst(int startYear, String label) {
		assertThat(FiscalYear.of(startYear).japaneseLabel()).isEqualTo(label);
	}

	@Test
	void rejectsAnImpossibleYear() {
		assertThatThrownBy(() -> FiscalYear.of(25)).isInstanceOf(BadInputException.class).hasMessageContaining("年度");
	}

}
