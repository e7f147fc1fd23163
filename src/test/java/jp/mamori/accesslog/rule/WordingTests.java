package jp.mamori.accesslog.rule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static jp.mamori.accesslog.rule.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

class WordingTests {

	static final ZoneId JST = ZoneId.of("Asia/Tokyo");

	@ParameterizedTest(name = "{0} – {1}: {2}")
	@CsvSource(delimiter = '|',
			value = { "2024-12-09T21:55:46Z | 2024-12-10T02:04:45Z | 2024/12/10 06:55〜11:04",
					"2023-09-25T20:39:50.822Z | 2023-09-25T20:39:50.836Z | 2023/09/26 05:39:50",
					"2021-05-21T20:43:22Z | 2021-05-21T20:43:50Z | 2021/05/22 05:43:22〜05:43:50",
					"2018-11-06T01:00:00Z | 2019-02-13T15:00:00Z | 2018/11/06 10:00〜2019/02/14 00:00" })
	void writesPeriodsInLocalTimeAsShortAsIsClear(String first, String last, String written) {
		assertThat(Wording.period(at(first), at(last), JST)).isEqualTo(written);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "PT78S, 78 秒", "PT10M, 10 分", "PT30M, 30 分", "PT24H, 24 時間", "PT48H, 2 日", "PT90M, 90 分" })
	void writesDurationsInTheLargestWholeUnit(Duration duration, String written) {
		assertThat(Wording.duration(duration)).isEqualTo(written);
	}

	@Test
	void cutsLongListsShort() {
		assertThat(Wording.names(List.of("a", "b"), 3)).isEqualTo("a、b");
		assertThat(Wording.names(List.of("a", "b", "c", "d", "e"), 3)).isEqualTo("a、b、c ほか 2 件");
	}

	@Test
	void writesBusinessDays() {
		assertThat(Wording.days(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))).isEqualTo("月〜金");
		assertThat(Wording.days(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)))
			.isEqualTo("月・水・金");
	}

}
