package jp.mamori.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.support.FixedClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The second factor against an in-memory store and a clock the test moves: each code
 * works once, recovery codes work once, wrong codes lock for a while, and every step is
 * in the audit trail of each of the user's organisations.
 */
class TwoFactorTests {

	static final String USER = "hanako";

	final OrgId clinic = OrgId.random();

	final OrgId pharmacy = OrgId.random();

	final InMemoryTwoFactorRepository repository = new InMemoryTwoFactorRepository();

	final List<Object> events = new ArrayList<>();

	final MovableClock clock = new MovableClock(FixedClockConfiguration.NOW.toInstant());

	final TwoFactor twoFactor = new TwoFactor(repository, events::add, clock);

	String secret;

	List<String> recoveryCodes;

	@BeforeEach
	void enrolled() throws Exception {
		repository.member(USER, clinic);
		repository.member(USER, pharmacy);
		secret = twoFactor.startEnrolment(USER).secret();
		recoveryCodes = twoFactor.confirmEnrolment(USER, code(0));
		events.clear();
		clock.advance(Duration.ofSeconds(30));
	}

	String code(long stepsFromNow) throws Exception {
		return new DefaultCodeGenerator().generate(secret, TotpCodes.step(clock.instant()) + stepsFromNow);
	}

	@Test
	void enrolmentGivesTenDistinctRecoveryCodesAndDrawsAQrCode() {
		var other = twoFactor.startEnrolment("taro");

		assertThat(recoveryCodes).hasSize(10)
			.doesNotHaveDuplicates()
			.allMatch(c -> c.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"));
		assertThat(twoFactor.isEnabled(USER)).isTrue();
		assertThat(twoFactor.isEnabled("taro")).isFalse();
		assertThat(other.otpauthUri()).startsWith("otpauth://totp/Mamori%3Ataro?").contains("secret=" + other.secret());
		// PNG signature
		assertThat(other.qrPng()).startsWith(0x89, 'P', 'N', 'G');
		assertThat(repository.recoveryCodes.get(USER).keySet()).doesNotContainAnyElementsOf(recoveryCodes);
	}

	@Test
	void refusesAWrongCodeAtEnrolment() {
		twoFactor.startEnrolment("taro");

		assertThatThrownBy(() -> twoFactor.confirmEnrolment("taro", "000000"))
			.isInstanceOfSatisfying(TwoFactorRefusedException.class,
					ex -> assertThat(ex.reason()).isEqualTo(TwoFactorRefusedException.Reason.INVALID_CODE))
			.hasMessage("確認コードが正しくありません");
		assertThat(twoFactor.isEnabled("taro")).isFalse();
	}

	@Test
	void acceptsTheCurrentCodeOnce() throws Exception {
		String now = code(0);

		assertThat(twoFactor.verify(USER, now)).isEqualTo(TwoFactor.Verification.ACCEPTED);
		assertThat(twoFactor.verify(USER, now)).isEqualTo(TwoFactor.Verification.REJECTED);
	}

	@Test
	void acceptsACodeOneStepAwayButNotTwo() throws Exception {
		assertThat(twoFactor.verify(USER, code(2))).isEqualTo(TwoFactor.Verification.REJECTED);
		assertThat(twoFactor.verify(USER, code(1))).isEqualTo(TwoFactor.Verification.ACCEPTED);
	}

	@Test
	void refusesAnEarlierCodeOnceALaterOneWasUsed() throws Exception {
		String previous = code(-1);

		assertThat(twoFactor.verify(USER, code(0))).isEqualTo(TwoFactor.Verification.ACCEPTED);
		assertThat(twoFactor.verify(USER, previous)).isEqualTo(TwoFactor.Verification.REJECTED);
	}

	@Test
	void refusesTheEnrolmentCodeAgain() throws Exception {
		// the enrolment used the step 30 seconds ago, still inside the window
		assertThat(twoFactor.verify(USER, code(-1))).isEqualTo(TwoFactor.Verification.REJECTED);
	}

	@Test
	void acceptsARecoveryCodeOnceWhateverTheCaseAndHyphens() {
		String typed = recoveryCodes.get(3).toUpperCase().replace("-", " ");

		assertThat(twoFactor.verify(USER, typed)).isEqualTo(TwoFactor.Verification.ACCEPTED);
		assertThat(twoFactor.verify(USER, recoveryCodes.get(3))).isEqualTo(TwoFactor.Verification.REJECTED);
		assertThat(twoFactor.remainingRecoveryCodes(USER)).isEqualTo(9);
		assertThat(events).filteredOn(RecoveryCodeUsed.class::isInstance)
			.containsExactly(new RecoveryCodeUsed(clinic, USER, 9), new RecoveryCodeUsed(pharmacy, USER, 9));
	}

	@Test
	void locksAfterFiveWrongCodesInARowForFifteenMinutes() throws Exception {
		for (int i = 0; i < 4; i++) {
			assertThat(twoFactor.verify(USER, "000000")).isEqualTo(TwoFactor.Verification.REJECTED);
		}
		assertThat(twoFactor.verify(USER, "000000")).isEqualTo(TwoFactor.Verification.LOCKED);
		assertThat(twoFactor.verify(USER, code(0))).as("even a right code while locked")
			.isEqualTo(TwoFactor.Verification.LOCKED);

		clock.advance(Duration.ofMinutes(15));

		assertThat(twoFactor.verify(USER, code(0))).isEqualTo(TwoFactor.Verification.ACCEPTED);
		assertThat(events).filteredOn(TwoFactorFailed.class::isInstance)
			.hasSize(10)
			.last()
			.isEqualTo(new TwoFactorFailed(pharmacy, USER, 5, true));
	}

	@Test
	void aRightCodeClearsTheWrongOnes() throws Exception {
		for (int i = 0; i < 4; i++) {
			twoFactor.verify(USER, "000000");
		}
		twoFactor.verify(USER, code(0));

		assertThat(twoFactor.verify(USER, "000000")).isEqualTo(TwoFactor.Verification.REJECTED);
	}

	@Test
	void refusesAUserWithoutTwoFactor() {
		assertThat(twoFactor.verify("taro", "123456")).isEqualTo(TwoFactor.Verification.REJECTED);
	}

	@Test
	void recordsEnrolmentInTheTrailOfEachOrganisation() throws Exception {
		repository.member("taro", clinic);
		String taroSecret = twoFactor.startEnrolment("taro").secret();

		twoFactor.confirmEnrolment("taro",
				new DefaultCodeGenerator().generate(taroSecret, TotpCodes.step(clock.instant())));

		assertThat(events).containsExactly(new TwoFactorEnrolled(clinic, "taro"));
		assertThat(new TwoFactorEnrolled(clinic, "taro").audit().action()).isEqualTo("identity.2fa.enrolled");
	}

	@Test
	void disablesWithAValidCode() throws Exception {
		twoFactor.disable(USER, code(0));

		assertThat(twoFactor.isEnabled(USER)).isFalse();
		assertThat(twoFactor.remainingRecoveryCodes(USER)).isZero();
		assertThat(events).contains(new TwoFactorDisabled(clinic, USER), new TwoFactorDisabled(pharmacy, USER));
	}

	@Test
	void refusesToDisableWithAWrongCodeOrWhenAnOrganisationRequiresIt() throws Exception {
		assertThatThrownBy(() -> twoFactor.disable(USER, "000000")).isInstanceOf(TwoFactorRefusedException.class);
		repository.requiring.add(pharmacy);

		assertThatThrownBy(() -> twoFactor.disable(USER, code(0))).isInstanceOfSatisfying(
				TwoFactorRefusedException.class,
				ex -> assertThat(ex.reason()).isEqualTo(TwoFactorRefusedException.Reason.REQUIRED_BY_ORGANIZATION));
		assertThat(twoFactor.isEnabled(USER)).isTrue();
		assertThat(twoFactor.requiredFor(USER)).isTrue();
	}

	@Test
	void regeneratedRecoveryCodesReplaceTheOldOnes() throws Exception {
		List<String> fresh = twoFactor.regenerateRecoveryCodes(USER, code(0));

		assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(recoveryCodes);
		assertThat(twoFactor.verify(USER, recoveryCodes.get(0))).isEqualTo(TwoFactor.Verification.REJECTED);
		assertThat(twoFactor.verify(USER, fresh.get(0))).isEqualTo(TwoFactor.Verification.ACCEPTED);
	}

	@Test
	void anAdministratorResetsAMembersSecondFactor() {
		assertThat(twoFactor.reset("admin", clinic, USER)).isTrue();

		assertThat(twoFactor.isEnabled(USER)).isFalse();
		assertThat(events).containsExactly(new TwoFactorReset(clinic, "admin", USER));
	}

	@Test
	void refusesToResetSomebodyOutsideTheOrganisationOrOneself() {
		repository.member("admin", clinic);

		assertThatThrownBy(() -> twoFactor.reset("admin", OrgId.random(), USER)).isInstanceOf(NotFoundException.class);
		repository.secrets.put("admin", repository.secrets.get(USER));
		assertThatThrownBy(() -> twoFactor.reset("admin", clinic, "admin"))
			.isInstanceOf(TwoFactorRefusedException.class);
		assertThat(twoFactor.isEnabled(USER)).isTrue();
		assertThat(events).isEmpty();
	}

	/** A clock the test moves forward. */
	static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Tokyo");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
