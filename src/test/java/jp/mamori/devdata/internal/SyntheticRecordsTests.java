package jp.mamori.devdata.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.accesslog.parser.LogParsers;
import jp.mamori.accesslog.parser.ParseContext;
import jp.mamori.accesslog.parser.ParseStats;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticRecordsTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

	@Test
	void sameSeedGivesTheSameRowsAndLog() throws IOException {
		SyntheticRecords first = new SyntheticRecords(42, 0, TODAY);
		SyntheticRecords second = new SyntheticRecords(42, 0, TODAY);

		assertThat(second.devices(200)).isEqualTo(first.devices(200));
		assertThat(second.accounts(400, second.staff(400))).isEqualTo(first.accounts(400, first.staff(400)));
		assertThat(second.answers(List.of("a", "b", "c", "d"))).isEqualTo(first.answers(List.of("a", "b", "c", "d")));
		assertThat(bytes(second.authLog(5_000, List.of("EMR-SV1"), List.of("u1", "u2"))))
			.isEqualTo(bytes(first.authLog(5_000, List.of("EMR-SV1"), List.of("u1", "u2"))));
	}

	@Test
	void anotherSeedOrOrganisationGivesOtherRows() {
		List<Map<String, String>> devices = new SyntheticRecords(42, 0, TODAY).devices(50);

		assertThat(new SyntheticRecords(43, 0, TODAY).devices(50)).isNotEqualTo(devices);
		assertThat(new SyntheticRecords(42, 1, TODAY).devices(50)).isNotEqualTo(devices);
	}

	@Test
	void devicesAreOfEveryKindWithJapaneseSystemsAndUniqueNames() {
		List<Map<String, String>> devices = new SyntheticRecords(1, 0, TODAY).devices(2_000);

		assertThat(devices).hasSize(2_000);
		assertThat(devices).extracting(d -> d.get("kind")).contains("pc", "server", "network", "medical", "other");
		assertThat(devices).extracting(d -> d.get("system")).contains("電子カルテ", "PACS", "検査システム", "医事会計");
		assertThat(devices.stream().map(d -> d.get("name")).distinct().count()).isEqualTo(2_000);
		assertThat(devices.stream().map(d -> d.get("hostname")).distinct().count()).isEqualTo(2_000);
	}

	@Test
	void accountsIncludeSharedAdministratorsAndLeaversStillEnabled() {
		SyntheticRecords records = new SyntheticRecords(1, 0, TODAY);
		List<Map<String, String>> staff = records.staff(4_000);
		List<Map<String, String>> accounts = records.accounts(4_000, staff);

		assertThat(staff).hasSize(1_000).anySatisfy(s -> assertThat(s.get("employmentStatus")).isEqualTo("left"));
		assertThat(accounts).hasSize(4_000)
			.anySatisfy(a -> assertThat(a).containsEntry("kind", "shared").containsEntry("admin", "はい"));
		List<String> leavers = staff.stream()
			.filter(s -> "left".equals(s.get("employmentStatus")))
			.map(s -> s.get("name"))
			.toList();
		assertThat(accounts).anySatisfy(a -> {
			assertThat(leavers).contains(a.get("staffName"));
			assertThat(a.get("disabledOn")).isNull();
		});
		assertThat(accounts.stream().map(a -> a.get("system") + "/" + a.get("userId")).distinct().count())
			.isEqualTo(4_000);
	}

	@Test
	void generatedAuthLogParsesAsLinuxWithoutSkippedLines() throws IOException {
		InputStream log = new SyntheticRecords(1, 0, TODAY).authLog(3_000, List.of("EMR-SV00001", "PACS-SV00002"),
				List.of("s000001-0", "admin0001"));
		List<LogEvent> events = new ArrayList<>();

		ParseStats stats = LogParsers.standard()
			.parse(log, null, new ParseContext("auth.log", ParseContext.JAPAN, TODAY), events::add);

		assertThat(stats.format()).isEqualTo(LogFormat.LINUX);
		assertThat(stats.skipped()).isZero();
		assertThat(stats.events()).isEqualTo(3_000);
		assertThat(stats.first()).isAfterOrEqualTo(TODAY.minusDays(360).atStartOfDay(ParseContext.JAPAN).toInstant());
		assertThat(stats.last()).isBefore(TODAY.atStartOfDay(ParseContext.JAPAN).toInstant());
	}

	private static byte[] bytes(InputStream in) throws IOException {
		try (in) {
			return in.readAllBytes();
		}
	}

	@Test
	void memberNamesDifferAcrossAGroup() {
		assertThat(java.util.stream.IntStream.range(0, 300)
			.mapToObj(i -> SyntheticRecords.memberName("東京医療グループ", i))
			.distinct()
			.count()).isEqualTo(300);
	}

}
