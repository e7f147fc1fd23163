package jp.mamori.accesslog.rule;

import java.util.Map;
import java.util.Optional;

import jp.mamori.accesslog.parser.AccountName;

/**
 * The accounts an organisation has recorded (the account ledger), by account key (see
 * {@link AccountName#key}): whether each is active or belongs to someone who left. Empty
 * when no ledger is at hand (the offline command): rules about retired and unknown
 * accounts then say nothing.
 */
public final class AccountDirectory {

	/** The state of a recorded account. */
	public enum State {

		ACTIVE, RETIRED

	}

	private static final AccountDirectory NONE = new AccountDirectory(Map.of());

	private final Map<String, State> accounts;

	private AccountDirectory(Map<String, State> accounts) {
		this.accounts = Map.copyOf(accounts);
	}

	public static AccountDirectory none() {
		return NONE;
	}

	/**
	 * A directory of these accounts; keys are normalised with {@link AccountName#key}.
	 */
	public static AccountDirectory of(Map<String, State> accounts) {
		Map<String, State> keyed = new java.util.HashMap<>();
		accounts.forEach((name, state) -> {
			String key = AccountName.key(name);
			if (key != null) {
				// an account recorded both active and retired (two systems) counts as
				// active
				keyed.merge(key, state, (a, b) -> a == State.ACTIVE || b == State.ACTIVE ? State.ACTIVE : a);
			}
		});
		return new AccountDirectory(keyed);
	}

	public boolean isEmpty() {
		return accounts.isEmpty();
	}

	/** The recorded state of an account written any way, if recorded. */
	public Optional<State> state(String writtenAccount) {
		String key = AccountName.key(writtenAccount);
		return key == null ? Optional.empty() : Optional.ofNullable(accounts.get(key));
	}

}
