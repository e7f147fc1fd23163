package jp.mamori.account;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.evaluation.CheckResult;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;

/**
 * The problems one check found: one plain-Japanese reason per problem (the first
 * {@value #MAX_REASONS}, then 「ほか N 件」) and a reference to every offending row.
 */
final class Findings {

	static final int MAX_REASONS = 20;

	private final List<String> reasons = new ArrayList<>();

	private final Map<UUID, CheckResult.Ref> refs = new LinkedHashMap<>();

	/** Every row of a ledger for one organisation. */
	static List<LedgerRow> rows(Ledgers ledgers, LedgerStore store, String ledgerId, OrgId org) {
		return store.list(ledgers.require(ledgerId), org, 0, Integer.MAX_VALUE);
	}

	static String text(LedgerRow row, String key) {
		Object value = row.value(key);
		return value == null ? "" : value.toString().strip();
	}

	/** An account is enabled unless it was disabled on or before today. */
	static boolean isEnabled(LedgerRow account, LocalDate today) {
		LocalDate disabledOn = (LocalDate) account.value("disabledOn");
		return disabledOn == null || disabledOn.isAfter(today);
	}

	/** 「電子カルテ / yamada」. */
	static String accountLabel(LedgerRow account) {
		return text(account, "system") + " / " + text(account, "userId");
	}

	void add(String reason, String ledgerId, LedgerRow row, String label) {
		this.reasons.add(reason);
		this.refs.putIfAbsent(row.id(), new CheckResult.Ref(ledgerId, row.id(), label));
	}

	/** A reason that is about many rows, which are referenced one by one. */
	void add(String reason) {
		this.reasons.add(reason);
	}

	void ref(String ledgerId, LedgerRow row, String label) {
		this.refs.putIfAbsent(row.id(), new CheckResult.Ref(ledgerId, row.id(), label));
	}

	boolean isEmpty() {
		return this.reasons.isEmpty();
	}

	CheckResult fail() {
		List<String> shown = new ArrayList<>(this.reasons.subList(0, Math.min(MAX_REASONS, this.reasons.size())));
		if (this.reasons.size() > MAX_REASONS) {
			shown.add("ほか " + (this.reasons.size() - MAX_REASONS) + " 件");
		}
		return CheckResult.fail(shown, List.copyOf(this.refs.values()));
	}

}
