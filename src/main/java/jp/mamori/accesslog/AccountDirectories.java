package jp.mamori.accesslog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.mamori.accesslog.rule.AccountDirectory;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.stereotype.Component;

/**
 * The accounts the organisation has recorded in the account module's ledgers, read by
 * ledger id (no code dependency): an account is retired when it was disabled or its
 * holder left (職員名簿 退職 or a 退職日 that has passed).
 */
@Component
class AccountDirectories {

	static final String ACCOUNTS = "accounts";

	static final String STAFF = "staff";

	private final Ledgers ledgers;

	private final LedgerStore store;

	private final Clock clock;

	AccountDirectories(Ledgers ledgers, LedgerStore store, Clock clock) {
		this.ledgers = ledgers;
		this.store = store;
		this.clock = clock;
	}

	AccountDirectory of(OrgId org) {
		LedgerDefinition accounts = ledgers.find(ACCOUNTS).orElse(null);
		if (accounts == null) {
			return AccountDirectory.none();
		}
		LocalDate today = LocalDate.now(clock);
		Set<String> leavers = new HashSet<>();
		ledgers.find(STAFF).ifPresent(staff -> {
			for (LedgerRow person : store.list(staff, org, 0, Integer.MAX_VALUE)) {
				Object left = person.value("leftOn");
				boolean gone = "left".equals(person.value("employmentStatus"))
						|| (left instanceof LocalDate leftOn && !leftOn.isAfter(today));
				if (gone && person.value("name") instanceof String name) {
					leavers.add(name.strip());
				}
			}
		});
		Map<String, AccountDirectory.State> states = new HashMap<>();
		List<LedgerRow> rows = store.list(accounts, org, 0, Integer.MAX_VALUE);
		for (LedgerRow row : rows) {
			if (!(row.value("userId") instanceof String userId)) {
				continue;
			}
			boolean disabled = row.value("disabledOn") instanceof LocalDate disabledOn && !disabledOn.isAfter(today);
			boolean holderLeft = row.value("staffName") instanceof String holder && leavers.contains(holder.strip());
			states.merge(userId,
					disabled || holderLeft ? AccountDirectory.State.RETIRED : AccountDirectory.State.ACTIVE,
					(a, b) -> a == AccountDirectory.State.ACTIVE || b == AccountDirectory.State.ACTIVE
							? AccountDirectory.State.ACTIVE : a);
		}
		return AccountDirectory.of(states);
	}

}
