package jp.mamori.network;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jp.mamori.evaluation.Check;
import jp.mamori.evaluation.CheckFindings;
import jp.mamori.evaluation.CheckResult;
import jp.mamori.evaluation.EvaluationContext;
import jp.mamori.shared.OrgId;
import org.springframework.stereotype.Component;

/**
 * 2-⑬: the latest analysed configuration of every router and firewall leaves nothing open
 * to any source. Fails while a finding of {@link #OPEN_SOURCE_FINDINGS} in a latest
 * analysis is not marked 誤検知 (a confirmed one is still open until the setting is changed
 * and the configuration analysed again); passes when configurations were analysed within
 * the 年度 and none remains.
 *
 * <p>
 * A "configuration" is one device: the device-ledger row the upload was linked to, else
 * the host name in the configuration, else the file name. Only the newest analysis of
 * each counts, so an old export of a router that has since been fixed does not fail the
 * item.
 */
@Component
class NoOpenSourceRulesCheck implements Check {

	/** The findings that mean a source is not restricted. */
	static final Set<String> OPEN_SOURCE_FINDINGS = Set.of("any-source-allowed", "management-open",
			"port-forward-exposed", "no-inbound-filter", "vpn-no-source-restriction");

	static final String ANALYSES = "network-analyses";

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final NetworkFindings findings;

	NoOpenSourceRulesCheck(NetworkFindings findings) {
		this.findings = findings;
	}

	@Override
	public String id() {
		return "network.no-open-source-rules";
	}

	@Override
	public String title() {
		return "解析したルーター・ファイアウォールの設定に、接続元を制限していない許可ルールや外部に開いた管理画面・ポート転送が残っていないことを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		List<NetworkAnalysis> latest = latestPerDevice(findings.analyses(context.org()));
		if (latest.isEmpty()) {
			return CheckResult.unknown("ルーター・ファイアウォールの設定がまだ解析されていません。「ネットワーク」画面から設定ファイルを取り込んでください。");
		}
		CheckFindings failures = CheckFindings.start();
		for (NetworkAnalysis analysis : latest) {
			CheckResult.Ref ref = new CheckResult.Ref(ANALYSES, analysis.id(), analysis.fileName());
			for (NetworkFinding f : open(context.org(), analysis)) {
				failures.add(
						analysis.fileName() + " の " + f.line() + "行目" + (f.rule().isEmpty() ? "" : "（" + f.rule() + "）")
								+ ": " + f.findingId() + " — " + firstSentence(f.summary()),
						ref);
			}
		}
		if (!failures.isEmpty()) {
			return failures.fail();
		}
		List<NetworkAnalysis> thisYear = latest.stream()
			.filter(a -> context.fiscalYear().contains(LocalDate.ofInstant(a.analysedAt(), JAPAN)))
			.toList();
		if (thisYear.isEmpty()) {
			return CheckResult
				.unknown(context.fiscalYear().japaneseLabel() + "に解析した設定がありません（最後の解析は前年度以前です）。現在の設定を取り込み直してください。");
		}
		return CheckResult.pass("解析した設定 " + latest.size() + " 件（うち" + context.fiscalYear().japaneseLabel() + "の解析 "
				+ thisYear.size() + " 件）に、接続元を制限していない設定は残っていません。");
	}

	private List<NetworkFinding> open(OrgId org, NetworkAnalysis analysis) {
		return findings.of(org, analysis.id())
			.stream()
			.filter(f -> OPEN_SOURCE_FINDINGS.contains(f.findingId()) && f.counts())
			.toList();
	}

	/** The newest configuration analysis of each device. */
	static List<NetworkAnalysis> latestPerDevice(List<NetworkAnalysis> analyses) {
		Map<String, NetworkAnalysis> latest = new LinkedHashMap<>();
		analyses.stream()
			.filter(a -> a.kind() == AnalysisKind.CONFIG)
			.sorted(Comparator.comparing(NetworkAnalysis::analysedAt).reversed())
			.forEach(a -> latest.putIfAbsent(device(a), a));
		return new ArrayList<>(latest.values());
	}

	private static String device(NetworkAnalysis analysis) {
		if (analysis.deviceId() != null) {
			return "row:" + analysis.deviceId();
		}
		if (!analysis.hostname().isBlank()) {
			return "host:" + analysis.hostname().strip().toLowerCase(Locale.ROOT);
		}
		return "file:" + analysis.fileName();
	}

	private static String firstSentence(String summary) {
		int end = summary.indexOf('。');
		return end < 0 ? summary : summary.substring(0, end + 1);
	}

}
