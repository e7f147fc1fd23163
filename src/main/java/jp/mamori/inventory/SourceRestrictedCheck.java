package jp.mamori.inventory;

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

import static jp.mamori.evaluation.CheckFindings.text;

/**
 * 2-⑬: every remote connection restricts its sources, and every device in use facing the
 * internet is reached only through such a connection. A device counts as covered when a
 * restricted connection's target is the device's name or host name (compared ignoring
 * width, case and spaces); the network scan's any-source findings come later.
 */
@Component
class SourceRestrictedCheck implements Check {

	private final Ledgers ledgers;

	private final LedgerStore store;

	SourceRestrictedCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "inventory.source-restricted";
	}

	@Override
	public String title() {
		return "リモート保守の接続とインターネットに接続した機器のすべてで、接続元が許可したところだけに制限されていることを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		LedgerDefinition connectionsLedger = ledgers.require(InventoryLedgers.REMOTE_CONNECTIONS);
		LedgerDefinition devicesLedger = ledgers.require(InventoryLedgers.DEVICES);
		List<LedgerRow> connections = store.list(connectionsLedger, context.org(), 0, Integer.MAX_VALUE);
		List<LedgerRow> facing = store.list(devicesLedger, context.org(), 0, Integer.MAX_VALUE)
			.stream()
			.filter(DeviceLedgerCompleteCheck::isActive)
			.filter(r -> CheckFindings.yes(r, "internetFacing"))
			.toList();
		if (connections.isEmpty() && facing.isEmpty()) {
			return CheckResult.notApplicable("リモート保守の接続も、インターネットに接続した機器も記録されていません。");
		}
		CheckFindings findings = CheckFindings.start();
		for (LedgerRow connection : connections) {
			String label = RemoteConnectionsConfirmedCheck.label(connection);
			CheckResult.Ref ref = new CheckResult.Ref(connectionsLedger.id(), connection.id(), label);
			if (!CheckFindings.yes(connection, "sourceRestricted")) {
				findings.add(label + " の接続に接続元の制限がありません。", ref);
			}
			else if (!CheckFindings.hasItems(connection, "allowedSources")) {
				findings.add(label + " の接続は接続元を制限していますが、許可する接続元が記録されていません。", ref);
			}
		}
		List<LedgerRow> restricted = connections.stream().filter(SourceRestrictedCheck::restricts).toList();
		for (LedgerRow device : facing) {
			String name = CheckFindings.orUnnamed(text(device, "name"));
			boolean covered = restricted.stream()
				.anyMatch(c -> CheckFindings.sameName(text(c, "target"), text(device, "name"))
						|| CheckFindings.sameName(text(c, "target"), text(device, "hostname")));
			if (!covered) {
				findings.add(name + " はインターネットに接続していますが、接続元を制限した接続（対象がこの機器のもの）が記録されていません。",
						new CheckResult.Ref(devicesLedger.id(), device.id(), name));
			}
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		return CheckResult
			.pass("リモート保守の接続 " + connections.size() + " 件とインターネットに接続した機器 " + facing.size() + " 台すべてで、接続元を制限しています。");
	}

	private static boolean restricts(LedgerRow connection) {
		return CheckFindings.yes(connection, "sourceRestricted")
				&& CheckFindings.hasItems(connection, "allowedSources");
	}

}
