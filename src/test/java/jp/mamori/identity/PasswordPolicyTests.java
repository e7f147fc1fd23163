package jp.mamori.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The R7 2-⑦ rule Mamori applies to its own accounts. */
class PasswordPolicyTests {

	@ParameterizedTest(name = "{0} is accepted")
	@ValueSource(strings = { "Kenkou-25!", "a1!bcdefg", "correct horse battery", "ながいながいにほんごのぱすわーど" })
	void acceptsEightMixedOrThirteenAnyCharacters(String password) {
		assertThat(PasswordPolicy.violations(password, "taro")).isEmpty();
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = { "abc12!|8文字以上", "abcdefgh|8文字以上", "abcd1234|8文字以上", "abcdefghijk1|13文字以上",
			"Password123!|推測されやすい", "P@ssw0rd!|推測されやすい", "qwertyuiop|8文字以上", "taro-Secret-99|利用者ID" })
	void refusesWeakPasswordsWithTheReason(String password, String reason) {
		assertThat(PasswordPolicy.violations(password, "taro")).anySatisfy(r -> assertThat(r).contains(reason));
	}

}
