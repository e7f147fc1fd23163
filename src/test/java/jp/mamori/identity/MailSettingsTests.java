package jp.mamori.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.mamori.shared.InvalidInputException;

/** Which addresses are taken, and what a person is told about the others. */
class MailSettingsTests {

	@ParameterizedTest
	@ValueSource(strings = { "taro@example.jp", "taro.yamada+mamori@mail.clinic.example.jp", "it-desk@hospital.local",
			"A_B@Example.CO.JP" })
	void acceptsAddresses(String email) {
		assertThat(MailSettings.clean("  " + email + " ")).isEqualTo(email);
	}

	@ParameterizedTest
	@ValueSource(strings = { "taro＠example.jp", "taro@example", "taro@", "@example.jp", "taro yamada@example.jp",
			"taro@example..jp", "たろう@example.jp", "taro@-example.jp" })
	void refusesWhatIsNotAnAddressNamingTheField(String email) {
		assertThatThrownBy(() -> MailSettings.clean(email)).isInstanceOfSatisfying(InvalidInputException.class, ex -> {
			assertThat(ex.violations()).singleElement().satisfies(v -> {
				assertThat(v.field()).isEqualTo("email");
				assertThat(v.message()).startsWith("メールアドレス");
			});
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void blankMeansNoAddress(String email) {
		assertThat(MailSettings.clean(email)).isNull();
		assertThat(MailSettings.clean(null)).isNull();
	}

	@org.junit.jupiter.api.Test
	void refusesAnOverlongAddress() {
		String email = "a".repeat(250) + "@example.jp";

		assertThatThrownBy(() -> MailSettings.clean(email)).hasMessageContaining("254文字以内");
	}

	@org.junit.jupiter.api.Test
	void onlyAnAddressWithRemindersOnIsMailed() {
		assertThat(new MailSettings("taro@example.jp", true).wantsReminders()).isTrue();
		assertThat(new MailSettings("taro@example.jp", false).wantsReminders()).isFalse();
		assertThat(new MailSettings(null, true).wantsReminders()).isFalse();
	}

}
