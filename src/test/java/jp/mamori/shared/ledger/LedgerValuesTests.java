package jp.mamori.shared.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.mamori.shared.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cells as hospital spreadsheets write them. */
class LedgerValuesTests {

	static final LedgerColumn DATE = LedgerColumn.date("d", "日付", "Date").build();

	static final LedgerColumn BOOL = LedgerColumn.bool("b", "有無", "Yes/no").build();

	static final LedgerColumn KIND = LedgerColumn.choice("k", "種別", "Kind", Map.of("server", "サーバ", "pc", "端末PC"))
		.build();

	static final LedgerColumn IPS = LedgerColumn.list("ips", "IPアドレス", "IPs").build();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2025-06-01", "2025/6/1", "2025/06/01", "2025年6月1日", "令和7年6月1日", "２０２５／６／１" })
	void readsTheUsualSpellingsOfADate(String text) {
		assertThat(LedgerValues.parse(DATE, text)).isEqualTo(LocalDate.of(2025, 6, 1));
	}

	@Test
	void namesAnImpossibleDate() {
		assertThatThrownBy(() -> LedgerValues.parse(DATE, "2025/2/30")).isInstanceOf(BadInputException.class)
			.hasMessageContaining("存在しない日付");
		assertThatThrownBy(() -> LedgerValues.parse(DATE, "来月")).hasMessageContaining("日付として読めません");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "はい, true", "○, true", "有, true", "yes, true", "TRUE, true", "1, true", "いいえ, false", "×, false",
			"無, false", "no, false", "0, false" })
	void readsYesAndNo(String text, boolean value) {
		assertThat(LedgerValues.parse(BOOL, text)).isEqualTo(value);
	}

	@Test
	void readsAChoiceByCodeOrLabelAndListsTheChoicesOtherwise() {
		assertThat(LedgerValues.parse(KIND, "サーバ")).isEqualTo("server");
		assertThat(LedgerValues.parse(KIND, "PC")).isEqualTo("pc");
		assertThatThrownBy(() -> LedgerValues.parse(KIND, "ルータ")).hasMessageContaining("サーバ")
			.hasMessageContaining("端末PC");
	}

	@Test
	void splitsListsOnLineBreaksCommasAndSemicolonsButKeepsSentencesWhole() {
		assertThat(LedgerValues.parse(IPS, "192.168.1.1\n192.168.1.2, 10.0.0.1; 10.0.0.2"))
			.isEqualTo(List.of("192.168.1.1", "192.168.1.2", "10.0.0.1", "10.0.0.2"));
		assertThat(LedgerValues.parse(IPS, "サーバを停止し、バックアップから復元する")).isEqualTo(List.of("サーバを停止し、バックアップから復元する"));
	}

	@Test
	void matchesHeadersWhateverTheirWidthCaseAndSpacing() {
		assertThat(LedgerValues.normalizeHeader("ＩＰ アドレス")).isEqualTo(LedgerValues.normalizeHeader("ipアドレス"));
		assertThat(LedgerValues.normalizeHeader("IP Address")).isEqualTo(LedgerValues.normalizeHeader("ip_address"));
	}

}
