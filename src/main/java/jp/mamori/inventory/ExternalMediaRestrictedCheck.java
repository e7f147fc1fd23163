package jp.mamori.inventory;

import java.util.List;
import java.util.Set;

import jp.mamori.evaluation.Check;
import jp.mamori.evaluation.CheckFindings;
import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.shared.ledger.LedgerColumn;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.stereotype.Component;

import static jp.mamori.evaluation.CheckFindings.text;

/** 2-⑨: USB and other external media are blocked or allowed only by permission. */
@Component
class ExternalMediaRestrictedCheck implements Check {

	/** {@code usbPolicy} codes that count as restricted: 禁止 and 許可制. */
	static final Set<String> RESTRICTED = Set.of("blocked", "restricted");

	private final Ledgers ledgers;

	private final LedgerStore store;

	ExternalMediaRestrictedCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "inventory.external-media-restricted";
	}

	@Override
	public String title() {
		return "使用中のサーバと端末PCのすべてで、USBメモリなど外部記録媒体の使用が禁止または許可制になっていることを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		LedgerDefinition devices = ledgers.require(InventoryLedgers.DEVICES);
		List<LedgerRow> inScope = store.list(devices, context.org(), 0, Integer.MAX_VALUE)
			.stream()
			.filter(DeviceLedgerCompleteCheck::isActive)
			.filter(r -> CheckFindings.isOneOf(text(r, "kind"), Set.of("server", "pc")))
			.toList();
		if (inScope.isEmpty()) {
			return CheckResult.unknown("使用中のサーバ・端末PCが機器台帳にありません。");
		}
		LedgerColumn policy = devices.column("usbPolicy").orElseThrow();
		CheckFindings findings = CheckFindings.start();
		for (LedgerRow row : inScope) {
			String code = text(row, "usbPolicy");
			if (CheckFindings.isOneOf(code, RESTRICTED)) {
				continue;
			}
			String name = CheckFindings.orUnnamed(text(row, "name"));
			String reason = code == null ? name + " の外部記録媒体の制限が記録されていません。"
					: name + " の外部記録媒体の制限が「" + policy.choices().getOrDefault(code, code) + "」です（禁止または許可制にしてください）。";
			findings.add(reason, new CheckResult.Ref(devices.id(), row.id(), name));
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		return CheckResult.pass("使用中のサーバ・端末PC " + inScope.size() + " 台すべてで、外部記録媒体の使用が禁止または許可制です。");
	}

}
