package jp.mamori.continuity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import static jp.mamori.evaluation.CheckFindings.date;
import static jp.mamori.evaluation.CheckFindings.text;

/**
 * 3-②: every system backed up has an offline or immutable copy and a successful restore
 * test within {@value #RESTORE_TEST_MONTHS} months, and recovery procedures are recorded.
 */
@Component
class BackupsOfflineTestedCheck implements Check {

	/** Backup methods ransomware cannot reach over the network. */
	static final Set<String> SAFE_METHODS = Set.of("offline", "immutable");

	static final int RESTORE_TEST_MONTHS = 12;

	private final Ledgers ledgers;

	private final LedgerStore store;

	BackupsOfflineTestedCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "continuity.backups-offline-tested";
	}

	@Override
	public String title() {
		return "バックアップを取っているシステムすべてにオフラインまたはイミュータブルの控えがあり、" + RESTORE_TEST_MONTHS
				+ "か月以内に復元テストに成功し、復旧手順が定められていることを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		LedgerDefinition backups = ledgers.require(ContinuityLedgers.BACKUPS);
		List<LedgerRow> rows = store.list(backups, context.org(), 0, Integer.MAX_VALUE);
		if (rows.isEmpty()) {
			return CheckResult.unknown("バックアップが登録されていません。");
		}
		Map<String, List<LedgerRow>> bySystem = new LinkedHashMap<>();
		for (LedgerRow row : rows) {
			bySystem.computeIfAbsent(CheckFindings.nameKey(text(row, "system")), k -> new ArrayList<>()).add(row);
		}
		LocalDate oldestTest = context.today().minusMonths(RESTORE_TEST_MONTHS);
		CheckFindings findings = CheckFindings.start();
		for (List<LedgerRow> group : bySystem.values()) {
			String system = CheckFindings.orUnnamed(text(group.get(0), "system"));
			CheckResult.Ref[] refs = group.stream()
				.map(r -> new CheckResult.Ref(backups.id(), r.id(), system))
				.toArray(CheckResult.Ref[]::new);
			if (group.stream().noneMatch(r -> CheckFindings.isOneOf(text(r, "method"), SAFE_METHODS))) {
				findings.add(system + " のバックアップにオフラインまたはイミュータブルの控えがありません。", refs);
			}
			boolean tested = group.stream().anyMatch(r -> {
				LocalDate test = date(r, "lastRestoreTestOn");
				return test != null && !test.isBefore(oldestTest) && "success".equals(text(r, "restoreTestResult"));
			});
			if (!tested) {
				findings.add(system + " は" + RESTORE_TEST_MONTHS + "か月以内（" + oldestTest + " 以降）に成功した復元テストがありません"
						+ lastTest(group) + "。", refs);
			}
		}
		if (store.count(ledgers.require(ContinuityLedgers.RECOVERY_PROCEDURES), context.org()) == 0) {
			findings.add("復旧手順（復旧の順番と手順）が記録されていません。");
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		return CheckResult.pass("バックアップを取っている " + bySystem.size() + " システムすべてにオフラインまたはイミュータブルの控えがあり、"
				+ RESTORE_TEST_MONTHS + "か月以内に復元テストに成功しています。復旧手順も記録されています。");
	}

	private static String lastTest(List<LedgerRow> group) {
		return group.stream()
			.filter(r -> date(r, "lastRestoreTestOn") != null)
			.max(Comparator.comparing(r -> date(r, "lastRestoreTestOn")))
			.map(r -> "（最後の復元テスト: " + date(r, "lastRestoreTestOn") + "、結果: "
					+ ContinuityLedgers.RESTORE_RESULTS.getOrDefault(text(r, "restoreTestResult"), "未記入") + "）")
			.orElse("（復元テストの記録なし）");
	}

}
