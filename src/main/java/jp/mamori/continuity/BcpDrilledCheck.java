package jp.mamori.continuity;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

/** 3-③: the cyber BCP covers all five phases and was drilled within the fiscal year. */
@Component
class BcpDrilledCheck implements Check {

	private final Ledgers ledgers;

	private final LedgerStore store;

	BcpDrilledCheck(Ledgers ledgers, LedgerStore store) {
		this.ledgers = ledgers;
		this.store = store;
	}

	@Override
	public String id() {
		return "continuity.bcp-drilled";
	}

	@Override
	public String title() {
		return "サイバー攻撃を想定したBCPが平時・検知・初動・復旧・事後の5つの段階を含み、今年度に訓練をしていることを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		LedgerDefinition points = ledgers.require(ContinuityLedgers.BCP_POINTS);
		List<LedgerRow> rows = store.list(points, context.org(), 0, Integer.MAX_VALUE);
		if (rows.isEmpty()) {
			return CheckResult.unknown("BCP（サイバー攻撃）の確認点が登録されていません。");
		}
		CheckFindings findings = CheckFindings.start();
		for (Map.Entry<String, String> phase : ContinuityLedgers.BCP_PHASES.entrySet()) {
			if (rows.stream().noneMatch(r -> phase.getKey().equals(text(r, "phase")))) {
				findings.add("BCP に「" + phase.getValue() + "」の段階の確認点がありません。");
			}
		}
		String year = context.fiscalYear().japaneseLabel();
		boolean drilled = rows.stream()
			.map(r -> date(r, "lastDrillOn"))
			.anyMatch(d -> d != null && context.fiscalYear().contains(d));
		if (!drilled) {
			LocalDate last = rows.stream()
				.map(r -> date(r, "lastDrillOn"))
				.filter(Objects::nonNull)
				.max(Comparator.naturalOrder())
				.orElse(null);
			findings.add(year + "（" + context.fiscalYear().firstDay() + "〜" + context.fiscalYear().lastDay()
					+ "）に BCP の訓練をした記録がありません" + (last == null ? "。" : "（最後の訓練日: " + last + "）。"));
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		return CheckResult.pass("BCP の確認点 " + rows.size() + " 件が5つの段階すべてを含み、" + year + "に訓練をしています。");
	}

}
