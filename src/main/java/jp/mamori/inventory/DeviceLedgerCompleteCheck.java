package jp.mamori.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
 * 2-①: every device in use has kind, OS and its version, location and owner; servers, PCs
 * and network devices also a host name or an IP address.
 */
@Component
class DeviceLedgerCompleteCheck implements Check {

	static final Set<String> ADDRESSED_KINDS = Set.of("server", "pc", "network");

	private final Ledgers ledgers;

	private final LedgerStore store;

	DeviceLedgerCompleteCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "inventory.device-ledger-complete";
	}

	@Override
	public String title() {
		return "使用中の機器すべてについて、種別・OSとそのバージョン・ホスト名またはIPアドレス・設置場所・利用者が機器台帳に記録されていることを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		LedgerDefinition devices = ledgers.require(InventoryLedgers.DEVICES);
		List<LedgerRow> rows = store.list(devices, context.org(), 0, Integer.MAX_VALUE);
		if (rows.isEmpty()) {
			return CheckResult.unknown("機器台帳に機器が登録されていません。");
		}
		CheckFindings findings = CheckFindings.start();
		int active = 0;
		for (LedgerRow row : rows) {
			if (!isActive(row)) {
				continue;
			}
			active++;
			List<String> missing = new ArrayList<>();
			for (String key : List.of("kind", "os", "osVersion", "location", "owner")) {
				if (text(row, key) == null) {
					missing.add(devices.column(key).orElseThrow().header());
				}
			}
			if (CheckFindings.isOneOf(text(row, "kind"), ADDRESSED_KINDS) && text(row, "hostname") == null
					&& !CheckFindings.hasItems(row, "ipAddresses")) {
				missing.add("ホスト名またはIPアドレス");
			}
			if (!missing.isEmpty()) {
				String name = CheckFindings.orUnnamed(text(row, "name"));
				findings.add(name + " の" + String.join("・", missing) + "が記録されていません。",
						new CheckResult.Ref(devices.id(), row.id(), name));
			}
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		return CheckResult.pass("使用中の機器 " + active + " 台すべてに、種別・OS・バージョン・アドレス・設置場所・利用者が記録されています。");
	}

	static boolean isActive(LedgerRow row) {
		return !"retired".equals(text(row, "status"));
	}

}
