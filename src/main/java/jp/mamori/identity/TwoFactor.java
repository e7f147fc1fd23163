package jp.mamori.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import jp.mamori.identity.TwoFactorRefusedException.Reason;
import jp.mamori.identity.internal.TwoFactorRepository;
import jp.mamori.identity.internal.TwoFactorRepository.StoredSecret;
import jp.mamori.shared.Auditable;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor authentication with an authenticator app (TOTP, RFC 6238), as checklist item
 * R7 2-⑩ asks of Mamori itself: enrolment with a QR code, codes that work once, recovery
 * codes shown once and stored hashed, and a temporary lock after repeated wrong codes.
 * Time comes from the application {@link Clock}.
 */
@Service
public class TwoFactor {

	/** Wrong codes in a row before the second factor is locked. */
	static final int MAX_FAILURES = 5;

	/** How long the lock lasts after the last wrong code. */
	static final Duration LOCK = Duration.ofMinutes(15);

	static final String ISSUER = "Mamori";

	/** The outcome of checking a code. */
	public enum Verification {

		ACCEPTED, REJECTED, LOCKED;

		public boolean accepted() {
			return this == ACCEPTED;
		}

	}

	private final TwoFactorRepository repository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TwoFactor(TwoFactorRepository repository, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.clock = clock;
	}

	/** Whether the user logs in with a second factor. */
	public boolean isEnabled(String username) {
		return repository.secret(username).map(StoredSecret::confirmed).orElse(false);
	}

	/**
	 * Whether any organisation the user belongs to requires two-factor authentication.
	 */
	public boolean requiredFor(String username) {
		return repository.requiredFor(username);
	}

	/** Unused recovery codes left. */
	public int remainingRecoveryCodes(String username) {
		return repository.unusedRecoveryCodes(username);
	}

	/**
	 * Creates a new secret, pending until a code from the app confirms it; replaces an
	 * earlier pending one.
	 */
	@Transactional
	public TotpEnrolment startEnrolment(String username) {
		if (isEnabled(username)) {
			throw new TwoFactorRefusedException(Reason.ALREADY_ENABLED);
		}
		String secret = new DefaultSecretGenerator(32).generate();
		repository.savePending(username, secret, clock.instant());
		return enrolment(username, secret);
	}

	/** The enrolment started and not yet confirmed, if any. */
	public Optional<TotpEnrolment> pendingEnrolment(String username) {
		return repository.secret(username)
			.filter(stored -> !stored.confirmed())
			.map(stored -> enrolment(username, stored.secret()));
	}

	/**
	 * Confirms the pending secret with a code from the app; returns the recovery codes,
	 * which are not kept and cannot be shown again.
	 */
	@Transactional
	public List<String> confirmEnrolment(String username, String code) {
		StoredSecret pending = repository.secret(username)
			.filter(stored -> !stored.confirmed())
			.orElseThrow(() -> new TwoFactorRefusedException(
					isEnabled(username) ? Reason.ALREADY_ENABLED : Reason.NOT_PENDING));
		Instant now = clock.instant();
		OptionalLong step = TotpCodes.matchingStep(pending.secret(), strip(code), now);
		if (step.isEmpty() || !repository.confirm(username, step.getAsLong(), now)) {
			throw new TwoFactorRefusedException(Reason.INVALID_CODE);
		}
		List<String> codes = newRecoveryCodes(username, now);
		publishForEachOrganization(username, org -> new TwoFactorEnrolled(org, username));
		return codes;
	}

	/**
	 * Checks a code from the app (current time step ±1, each step accepted once) or an
	 * unused recovery code (then used up).
	 */
	@Transactional(noRollbackFor = TwoFactorRefusedException.class)
	public Verification verify(String username, String code) {
		Optional<StoredSecret> stored = repository.secret(username).filter(StoredSecret::confirmed);
		if (stored.isEmpty()) {
			return Verification.REJECTED;
		}
		Instant now = clock.instant();
		if (isLocked(stored.get(), now)) {
			return Verification.LOCKED;
		}
		String input = strip(code);
		String method = null;
		if (TotpCodes.looksLikeCode(input)) {
			OptionalLong step = TotpCodes.matchingStep(stored.get().secret(), input, now);
			if (step.isPresent() && repository.useStep(username, step.getAsLong())) {
				method = "totp";
			}
		}
		else if (RecoveryCodes.looksLikeRecoveryCode(input)
				&& repository.useRecoveryCode(username, RecoveryCodes.hash(input), now)) {
			method = "recovery-code";
			int remaining = repository.unusedRecoveryCodes(username);
			publishForEachOrganization(username, org -> new RecoveryCodeUsed(org, username, remaining));
		}
		if (method != null) {
			repository.clearFailures(username);
			String how = method;
			publishForEachOrganization(username, org -> new TwoFactorVerified(org, username, how));
			return Verification.ACCEPTED;
		}
		repository.recordFailure(username, now);
		int failures = stored.get().failedAttempts() + 1;
		boolean locked = failures >= MAX_FAILURES;
		publishForEachOrganization(username, org -> new TwoFactorFailed(org, username, failures, locked));
		return locked ? Verification.LOCKED : Verification.REJECTED;
	}

	/**
	 * Replaces the recovery codes, after a valid code; returns the new ones (shown once).
	 */
	@Transactional(noRollbackFor = TwoFactorRefusedException.class)
	public List<String> regenerateRecoveryCodes(String username, String code) {
		requireAccepted(verify(username, code));
		List<String> codes = newRecoveryCodes(username, clock.instant());
		publishForEachOrganization(username, org -> new RecoveryCodesRegenerated(org, username));
		return codes;
	}

	/**
	 * Turns two-factor authentication off, after a valid code; refused while an
	 * organisation of the user requires it.
	 */
	@Transactional(noRollbackFor = TwoFactorRefusedException.class)
	public void disable(String username, String code) {
		if (requiredFor(username)) {
			throw new TwoFactorRefusedException(Reason.REQUIRED_BY_ORGANIZATION);
		}
		requireAccepted(verify(username, code));
		repository.delete(username);
		publishForEachOrganization(username, org -> new TwoFactorDisabled(org, username));
	}

	/**
	 * An organisation administrator removes a member's authenticator (lost phone, no
	 * recovery codes left); the member enrols again. Whether there was one to remove.
	 */
	@Transactional
	public boolean reset(String adminUsername, OrgId org, String targetUsername) {
		if (targetUsername == null || !repository.isMember(org, targetUsername)) {
			throw new NotFoundException("この組織の利用者ではありません");
		}
		if (targetUsername.equals(adminUsername)) {
			// without a code: one's own factor is turned off on the account page, with a
			// code
			throw new TwoFactorRefusedException(Reason.OWN_ACCOUNT);
		}
		boolean removed = repository.delete(targetUsername);
		if (removed) {
			events.publishEvent(new TwoFactorReset(org, adminUsername, targetUsername));
		}
		return removed;
	}

	private static void requireAccepted(Verification verification) {
		if (verification == Verification.LOCKED) {
			throw new TwoFactorRefusedException(Reason.LOCKED);
		}
		if (!verification.accepted()) {
			throw new TwoFactorRefusedException(Reason.INVALID_CODE);
		}
	}

	private static boolean isLocked(StoredSecret stored, Instant now) {
		return stored.failedAttempts() >= MAX_FAILURES && stored.lastFailedAt() != null
				&& now.isBefore(stored.lastFailedAt().plus(LOCK));
	}

	private List<String> newRecoveryCodes(String username, Instant now) {
		List<String> codes = RecoveryCodes.generate();
		repository.replaceRecoveryCodes(username, codes.stream().map(RecoveryCodes::hash).toList(), now);
		return codes;
	}

	/**
	 * A user's security event goes into the trail of each organisation they belong to, so
	 * that every administrator sees it in their own audit list.
	 */
	private void publishForEachOrganization(String username, Function<OrgId, Auditable> event) {
		List<OrgId> orgs = repository.organizationsOf(username);
		if (orgs.isEmpty()) {
			events.publishEvent(event.apply(null));
		}
		orgs.forEach(org -> events.publishEvent(event.apply(org)));
	}

	private static TotpEnrolment enrolment(String username, String secret) {
		QrData data = new QrData.Builder().label(ISSUER + ":" + username)
			.secret(secret)
			.issuer(ISSUER)
			.digits(TotpCodes.DIGITS)
			.period(TotpCodes.PERIOD_SECONDS)
			.build();
		ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
		generator.setImageSize(240);
		try {
			return new TotpEnrolment(secret, data.getUri(), generator.generate(data));
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("QR code could not be drawn", ex);
		}
	}

	private static String strip(String code) {
		return code == null ? "" : code.replaceAll("\\s", "");
	}

}
