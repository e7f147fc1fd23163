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
 * 2-⑥: no server, PC or network device in use is past its support end, and each had its
 * updates applied within the policy period (as recorded in the ledger). Versions are
 * matched against KEV/NVD/endoflife.date by the vulnerability module's own check.
 */
@Component
class DevicesPatchedCheck implements Check {

	/**
	 * Days an update may be outstanding: monthly vendor patches (Patch Tuesday, firmware
	 * releases) plus time to test them on medical systems — about one quarter.
	 */
	static final int PATCH_POLICY_DAYS = 90;

	private final Ledgers ledgers;

	private final LedgerStore store;

	DevicesPatchedCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "inventory.devices-patched";
	}

	@Override
	public String title() {
		return "使用中のサーバ・端末PC・ネットワーク機器がサポート期間内で、" + PATCH_POLICY_DAYS + "日以内に更新プログラムやファームウェアを適用していることを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		LedgerDefinition devices = ledgers.require(InventoryLedgers.DEVICES);
		List<LedgerRow> rows = store.list(devices, context.org(), 0, Integer.MAX_VALUE);
		if (rows.isEmpty()) {
			return CheckResult.unknown("機器台帳に機器が登録されていません。");
		}
		List<LedgerRow> inScope = rows.stream()
			.filter(DeviceLedgerCompleteCheck::isActive)
			.filter(r -> CheckFindings.isOneOf(text(r, "kind"), DeviceLedgerCompleteCheck.ADDRESSED_KINDS))
			.toList();
		if (inScope.isEmpty()) {
			return CheckResult.unknown("使用中のサーバ・端末PC・ネットワーク機器が機器台帳にありません。");
		}
		LocalDate today = context.today();
		LocalDate oldestAllowed = today.minusDays(PATCH_POLICY_DAYS);
		CheckFindings findings = CheckFindings.start();
		for (LedgerRow row : inScope) {
			String name = CheckFindings.orUnnamed(text(row, "name"));
			CheckResult.Ref ref = new CheckResult.Ref(devices.id(), row.id(), name);
			LocalDate supportEnds = date(row, "supportEndsOn");
			if (supportEnds != null && supportEnds.isBefore(today)) {
				String os = text(row, "os");
				findings.add(name + (os == null ? "" : " の " + os) + " はサポートが " + supportEnds
						+ " に終了しています（サポート切れのOS・ファームウェア）。", ref);
			}
			LocalDate patched = date(row, "lastPatchedOn");
			if (patched == null) {
				findings.add(name + " の最終更新適用日が記録されていません。", ref);
			}
			else if (patched.isBefore(oldestAllowed)) {
				findings.add(name + " の最終更新適用日が " + patched + "（" + PATCH_POLICY_DAYS + "日より前）です。", ref);
			}
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		return CheckResult
			.pass("使用中のサーバ・端末PC・ネットワーク機器 " + inScope.size() + " 台はサポート期間内で、" + PATCH_POLICY_DAYS + "日以内に更新を適用しています。");
	}

}
