package jp.mamori.network;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.mamori.evaluation.Check;
import jp.mamori.evaluation.CheckFindings;
import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.network.scan.ScanFinding;
import org.springframework.stereotype.Component;

/**
 * 2-①: every device that answered the latest network scan is in the device ledger. Fails
 * on an {@code unregistered-device} finding of the latest scan that is not marked 誤検知;
 * passes when the latest scan was taken within the 年度 and found none.
 */
@Component
class ScanMatchesLedgerCheck implements Check {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final NetworkFindings findings;

	ScanMatchesLedgerCheck(NetworkFindings findings) {
		this.findings = findings;
	}

	@Override
	public String id() {
		return "network.scan-matches-ledger";
	}

	@Override
	public String title() {
		return "最新のネットワークスキャンで応答した機器が、すべて機器台帳に登録されていることを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		Optional<NetworkAnalysis> latest = findings.analyses(context.org())
			.stream()
			.filter(a -> a.kind() == AnalysisKind.SCAN)
			.max(Comparator.comparing(NetworkAnalysis::analysedAt));
		if (latest.isEmpty()) {
			return CheckResult.unknown("ネットワークスキャン（nmap の XML）がまだ取り込まれていません。");
		}
		NetworkAnalysis scan = latest.get();
		CheckResult.Ref ref = new CheckResult.Ref(NoOpenSourceRulesCheck.ANALYSES, scan.id(), scan.fileName());
		List<NetworkFinding> unregistered = findings.of(context.org(), scan.id())
			.stream()
			.filter(f -> ScanFinding.UNREGISTERED_DEVICE.equals(f.findingId()) && f.counts())
			.toList();
		if (!unregistered.isEmpty()) {
			CheckFindings failures = CheckFindings.start();
			for (NetworkFinding f : unregistered) {
				failures.add(scan.fileName() + ": " + f.address() + " が応答しましたが、機器台帳にありません。", ref);
			}
			return failures.fail();
		}
		if (!context.fiscalYear().contains(LocalDate.ofInstant(scan.analysedAt(), JAPAN))) {
			return CheckResult
				.unknown("最新のスキャンは" + context.fiscalYear().japaneseLabel() + "より前に取り込まれたものです。スキャンをやり直してください。");
		}
		return CheckResult.pass("最新のスキャン（" + scan.fileName() + "）で応答した機器 " + scan.items() + " 台は、すべて機器台帳に登録されています。");
	}

}
