package jp.mamori.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jp.mamori.identity.MemberTwoFactor;
import jp.mamori.shared.OrgId;

/**
 * Authenticator secrets, recovery code hashes and the organisations' two-factor setting.
 * Users are named by user name; the single-use rules (a time step, a recovery code) are
 * enforced by conditional updates, so two requests racing with the same code cannot both
 * succeed.
 */
public interface TwoFactorRepository {

	/**
	 * A user's authenticator secret; {@code confirmedAt} is null while enrolment is
	 * pending.
	 */
	record StoredSecret(String secret, Instant createdAt, Instant confirmedAt, Long lastUsedStep, int failedAttempts,
			Instant lastFailedAt) {

		public boolean confirmed() {
			return confirmedAt != null;
		}

	}

	Optional<StoredSecret> secret(String username);

	/** Replaces any secret (and recovery codes) of the user by a pending one. */
	void savePending(String username, String secret, Instant at);

	/**
	 * Confirms a pending secret, recording {@code step} as used; false if none pending.
	 */
	boolean confirm(String username, long step, Instant at);

	/**
	 * Records {@code step} as used, if it is later than the last used one; false when it
	 * is not (the code was already used).
	 */
	boolean useStep(String username, long step);

	void recordFailure(String username, Instant at);

	void clearFailures(String username);

	/** Removes the user's secret and recovery codes; whether there was a secret. */
	boolean delete(String username);

	void replaceRecoveryCodes(String username, List<String> hashes, Instant at);

	/** Marks an unused recovery code used; false when there is no such unused code. */
	boolean useRecoveryCode(String username, String hash, Instant at);

	int unusedRecoveryCodes(String username);

	/** The organisations the user belongs to. */
	List<OrgId> organizationsOf(String username);

	boolean isMember(OrgId org, String username);

	/** Whether any of the user's organisations requires two-factor authentication. */
	boolean requiredFor(String username);

	boolean requiredBy(OrgId org);

	void setRequired(OrgId org, boolean required, String changedBy, Instant at);

	List<MemberTwoFactor> members(OrgId org);

}
