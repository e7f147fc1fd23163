package jp.mamori.identity;

import java.time.Instant;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import jp.mamori.support.FixedClockConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Codes match the current 30-second step and one step either side, as an authenticator
 * app computes them.
 */
class TotpCodesTests {

	static final Instant NOW = FixedClockConfiguration.NOW.toInstant();

	static final String SECRET = new DefaultSecretGenerator(32).generate();

	static String appCode(long secondsFromNow) throws Exception {
		return new DefaultCodeGenerator().generate(SECRET, Math.floorDiv(NOW.getEpochSecond() + secondsFromNow, 30));
	}

	@ParameterizedTest(name = "{0} s from now")
	@CsvSource({ "-30, -1", "0, 0", "30, 1" })
	void acceptsTheCurrentStepAndOneEitherSide(long secondsFromNow, long stepsFromNow) throws Exception {
		assertThat(TotpCodes.matchingStep(SECRET, appCode(secondsFromNow), NOW))
			.hasValue(TotpCodes.step(NOW) + stepsFromNow);
	}

	@ParameterizedTest(name = "{0} s from now")
	@ValueSource(longs = { -90, -60, 60, 90, 3600 })
	void refusesCodesOutsideTheWindow(long secondsFromNow) throws Exception {
		String code = appCode(secondsFromNow);
		// a far code may by chance equal one inside the window; that is the window's code
		boolean inWindow = appCode(-30).equals(code) || appCode(0).equals(code) || appCode(30).equals(code);
		assertThat(TotpCodes.matchingStep(SECRET, code, NOW).isPresent()).isEqualTo(inWindow);
	}

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "", "12345", "1234567", "abcdef", "12 456" })
	void refusesInputThatIsNoCode(String input) {
		assertThat(TotpCodes.matchingStep(SECRET, input, NOW)).isEmpty();
	}

}
