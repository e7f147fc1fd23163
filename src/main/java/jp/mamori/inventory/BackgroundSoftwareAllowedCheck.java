package jp.mamori.inventory;

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
 * 2-⑫: every piece of software recorded on an active server or PC is on the allowlist for
 * its kind. An allowlist entry matches a software line that contains its name (width,
 * case and spaces ignored), so 「Microsoft Office」 allows 「Microsoft Office 2021 16.0」.
 */
@Component
class BackgroundSoftwareAllowedCheck implements Check {

	private final Ledgers ledgers;

	private final LedgerStore store;

	BackgroundSoftwareAllowedCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "inventory.background-software-allowed";
	}

	@Override
	public String title() {
		return "使用中のサーバと端末PCに記録されたソフトウェアが、機器の種別ごとの許可ソフトウェア一覧に載っていることを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		LedgerDefinition allowlistLedger = ledgers.require(InventoryLedgers.SOFTWARE_ALLOWLIST);
		List<LedgerRow> allowlist = store.list(allowlistLedger, context.org(), 0, Integer.MAX_VALUE);
		if (allowlist.isEmpty()) {
			return CheckResult.unknown("許可ソフトウェア一覧がまだ記録されていません。");
		}
		List<LedgerRow> devices = store
			.list(ledgers.require(InventoryLedgers.DEVICES), context.org(), 0, Integer.MAX_VALUE)
			.stream()
			.filter(DeviceLedgerCompleteCheck::isActive)
			.filter(r -> CheckFindings.isOneOf(text(r, "kind"), Set.of("server", "pc")))
			.filter(r -> CheckFindings.hasItems(r, "software"))
			.toList();
		if (devices.isEmpty()) {
			return CheckResult.unknown("ソフトウェアが記録された使用中のサーバ・端末PCが機器台帳にありません。");
		}
		CheckFindings findings = CheckFindings.start();
		int checked = 0;
		for (LedgerRow device : devices) {
			String kind = text(device, "kind");
			List<String> allowed = allowlist.stream()
				.filter(a -> kind.equals(text(a, "deviceKind")))
				.map(a -> CheckFindings.nameKey(text(a, "software")))
				.toList();
			for (Object entry : (List<?>) device.value("software")) {
				checked++;
				String line = CheckFindings.nameKey(entry.toString());
				if (allowed.stream().noneMatch(line::contains)) {
					findings.add(CheckFindings.orUnnamed(text(device, "name")) + " の「" + entry + "」は許可ソフトウェア一覧にありません",
							new CheckResult.Ref(InventoryLedgers.DEVICES, device.id(), text(device, "name")));
				}
			}
		}
		return findings.isEmpty() ? CheckResult.pass(devices.size() + " 台・" + checked + " 件のソフトウェアがすべて許可されたものです。")
				: findings.fail();
	}

}
