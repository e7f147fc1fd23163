package jp.mamori.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.mamori.identity.internal.TwoFactorRepository;
import jp.mamori.shared.OrgId;

/** The two-factor store in memory, for unit tests of {@link TwoFactor}. */
class InMemoryTwoFactorRepository implements TwoFactorRepository {

	final Map<String, StoredSecret> secrets = new HashMap<>();

	final Map<String, Map<String, Instant>> recoveryCodes = new HashMap<>();

	final Map<String, List<OrgId>> memberships = new HashMap<>();

	final Set<OrgId> requiring = new HashSet<>();

	void member(String username, OrgId org) {
		memberships.computeIfAbsent(username, u -> new ArrayList<>()).add(org);
	}

	@Override
	public Optional<StoredSecret> secret(String username) {
		return Optional.ofNullable(secrets.get(username));
	}

	@Override
	public void savePending(String username, String secret, Instant at) {
		delete(username);
		secrets.put(username, new StoredSecret(secret, at, null, null, 0, null));
	}

	@Override
	public boolean confirm(String username, long step, Instant at) {
		StoredSecret s = secrets.get(username);
		if (s == null || s.confirmed()) {
			return false;
		}
		secrets.put(username, new StoredSecret(s.secret(), s.createdAt(), at, step, 0, null));
		return true;
	}

	@Override
	public boolean useStep(String username, long step) {
		StoredSecret s = secrets.get(username);
		if (s == null || !s.confirmed() || (s.lastUsedStep() != null && s.lastUsedStep() >= step)) {
			return false;
		}
		secrets.put(username, new StoredSecret(s.secret(), s.createdAt(), s.confirmedAt(), step, s.failedAttempts(),
				s.lastFailedAt()));
		return true;
	}

	@Override
	public void recordFailure(String username, Instant at) {
		StoredSecret s = secrets.get(username);
		secrets.put(username, new StoredSecret(s.secret(), s.createdAt(), s.confirmedAt(), s.lastUsedStep(),
				s.failedAttempts() + 1, at));
	}

	@Override
	public void clearFailures(String username) {
		StoredSecret s = secrets.get(username);
		secrets.put(username, new StoredSecret(s.secret(), s.createdAt(), s.confirmedAt(), s.lastUsedStep(), 0, null));
	}

	@Override
	public boolean delete(String username) {
		recoveryCodes.remove(username);
		return secrets.remove(username) != null;
	}

	@Override
	public void replaceRecoveryCodes(String username, List<String> hashes, Instant at) {
		Map<String, Instant> codes = new HashMap<>();
		hashes.forEach(h -> codes.put(h, null));
		recoveryCodes.put(username, codes);
	}

	@Override
	public boolean useRecoveryCode(String username, String hash, Instant at) {
		Map<String, Instant> codes = recoveryCodes.getOrDefault(username, Map.of());
		if (!codes.containsKey(hash) || codes.get(hash) != null) {
			return false;
		}
		codes.put(hash, at);
		return true;
	}

	@Override
	public int unusedRecoveryCodes(String username) {
		return (int) recoveryCodes.getOrDefault(username, Map.of()).values().stream().filter(v -> v == null).count();
	}

	@Override
	public List<OrgId> organizationsOf(String username) {
		return memberships.getOrDefault(username, List.of());
	}

	@Override
	public boolean isMember(OrgId org, String username) {
		return organizationsOf(username).contains(org);
	}

	@Override
	public boolean requiredFor(String username) {
		return organizationsOf(username).stream().anyMatch(requiring::contains);
	}

	@Override
	public boolean requiredBy(OrgId org) {
		return requiring.contains(org);
	}

	@Override
	public void setRequired(OrgId org, boolean required, String changedBy, Instant at) {
		if (required) {
			requiring.add(org);
		}
		else {
			requiring.remove(org);
		}
	}

	@Override
	public List<jp.mamori.identity.MemberTwoFactor> members(OrgId org) {
		return List.of();
	}

}
