package jp.mamori.inventory;

import java.time.LocalDate;
import java.util.List;

import jp.mamori.evaluation.Check;
import jp.mamori.evaluation.CheckFindings;
import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.stereotype.Component;

import static jp.mamori.evaluation.CheckFindings.date;
import static jp.mamori.evaluation.CheckFindings.text;

/**
 * 2-②: every remote-maintenance connection was confirmed with its vendor within the
 * fiscal year, and every vendor with remote maintenance has its connections recorded.
 */
@Component
class RemoteConnectionsConfirmedCheck implements Check {

	/** The vendor module's ledger, read by id (no code dependency on that module). */
	static final String VENDORS = "vendors";

	private final Ledgers ledgers;

	private final LedgerStore store;

	RemoteConnectionsConfirmedCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "inventory.remote-connections-confirmed";
	}

	@Override
	public String title() {
		return "リモート保守の接続すべてを今年度に事業者と確認し、リモート保守をしている事業者の接続がすべて記録されていることを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		LedgerDefinition connectionsLedger = ledgers.require(InventoryLedgers.REMOTE_CONNECTIONS);
		LedgerDefinition vendorsLedger = ledgers.require(VENDORS);
		List<LedgerRow> connections = store.list(connectionsLedger, context.org(), 0, Integer.MAX_VALUE);
		List<LedgerRow> remoteVendors = store.list(vendorsLedger, context.org(), 0, Integer.MAX_VALUE)
			.stream()
			.filter(v -> CheckFindings.yes(v, "remoteMaintenance"))
			.toList();
		if (connections.isEmpty() && remoteVendors.isEmpty()) {
			return CheckResult.notApplicable("リモート保守の接続も、リモート保守をしている事業者も記録されていません。");
		}
		CheckFindings findings = CheckFindings.start();
		for (LedgerRow vendor : remoteVendors) {
			String name = CheckFindings.orUnnamed(text(vendor, "name"));
			boolean recorded = connections.stream().anyMatch(c -> CheckFindings.sameName(text(c, "vendor"), name));
			if (!recorded) {
				findings.add(name + " はリモート保守ありですが、リモート保守の接続が記録されていません。",
						new CheckResult.Ref(vendorsLedger.id(), vendor.id(), name));
			}
		}
		LocalDate firstDay = context.fiscalYear().firstDay();
		for (LedgerRow connection : connections) {
			String label = label(connection);
			LocalDate confirmed = date(connection, "lastConfirmedOn");
			CheckResult.Ref ref = new CheckResult.Ref(connectionsLedger.id(), connection.id(), label);
			if (confirmed == null) {
				findings.add(label + " の接続を事業者に確認した日が記録されていません。", ref);
			}
			else if (confirmed.isBefore(firstDay)) {
				findings.add(label + " の接続を事業者に確認した日が " + confirmed + " で、" + context.fiscalYear().japaneseLabel() + "（"
						+ firstDay + " 以降）に確認されていません。", ref);
			}
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		return CheckResult.pass(
				"リモート保守の接続 " + connections.size() + " 件すべてを" + context.fiscalYear().japaneseLabel() + "に事業者と確認しています。");
	}

	/** 「事業者（対象）」 as a connection is named in reasons. */
	static String label(LedgerRow connection) {
		String vendor = CheckFindings.orUnnamed(text(connection, "vendor"));
		String target = text(connection, "target");
		return target == null ? vendor : vendor + "（" + target + "）";
	}

}
