package jp.mamori.accesslog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
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

/**
 * 2-⑪: every server in use has its logs in the ログリスト, reviewed within the last
 * {@value #REVIEW_DAYS} days. A log source names a server when its 機器・システム is the
 * server's name, host name or system. Where logs were imported, a serious (high) finding
 * left 未確認 for longer than that also fails: the logs are kept but not read.
 */
@Component
class ServerLogsReviewedCheck implements Check {

	/** The inventory module's device ledger, read by id (no code dependency). */
	static final String DEVICES = "devices";

	/** Logs are reviewed at least monthly; 31 days allows for the longest month. */
	static final int REVIEW_DAYS = 31;

	private final Ledgers ledgers;

	private final LedgerStore store;

	private final AccessLogFindings logFindings;

	ServerLogsReviewedCheck(Ledgers ledgers, LedgerStore store, AccessLogFindings logFindings) {
		this.ledgers = ledgers;
		this.store = store;
		this.logFindings = logFindings;
	}

	@Override
	public String id() {
		return "accesslog.server-logs-reviewed";
	}

	@Override
	public String title() {
		return "使用中のサーバすべてのログがログリストに記録され、" + REVIEW_DAYS + "日以内に確認されていることを確かめます。";
	}

	@Override
	public CheckResult evaluate(EvaluationContext context) {
		LedgerDefinition devicesLedger = ledgers.require(DEVICES);
		LedgerDefinition sourcesLedger = ledgers.require(AccessLogLedgers.LOG_SOURCES);
		List<LedgerRow> servers = store.list(devicesLedger, context.org(), 0, Integer.MAX_VALUE)
			.stream()
			.filter(d -> "server".equals(text(d, "kind")) && !"retired".equals(text(d, "status")))
			.toList();
		if (servers.isEmpty()) {
			return CheckResult.unknown("使用中のサーバが機器台帳にありません。");
		}
		List<LedgerRow> sources = store.list(sourcesLedger, context.org(), 0, Integer.MAX_VALUE);
		LocalDate oldestAllowed = context.today().minusDays(REVIEW_DAYS);
		CheckFindings findings = CheckFindings.start();
		for (LedgerRow server : servers) {
			String name = CheckFindings.orUnnamed(text(server, "name"));
			CheckResult.Ref ref = new CheckResult.Ref(devicesLedger.id(), server.id(), name);
			List<LedgerRow> own = sources.stream().filter(s -> names(s, server)).toList();
			if (own.isEmpty()) {
				findings.add(name + "（サーバ）のログがログリストに記録されていません。", ref);
				continue;
			}
			CheckResult.Ref[] refs = new CheckResult.Ref[own.size() + 1];
			refs[0] = ref;
			for (int i = 0; i < own.size(); i++) {
				refs[i + 1] = new CheckResult.Ref(sourcesLedger.id(), own.get(i).id(),
						CheckFindings.orUnnamed(text(own.get(i), "source")));
			}
			LocalDate lastReviewed = own.stream()
				.map(s -> date(s, "lastReviewedOn"))
				.filter(Objects::nonNull)
				.max(Comparator.naturalOrder())
				.orElse(null);
			if (lastReviewed == null) {
				findings.add(name + " のログの最終確認日が記録されていません。", refs);
			}
			else if (lastReviewed.isBefore(oldestAllowed)) {
				findings.add(name + " のログの最終確認日が " + lastReviewed + "（" + REVIEW_DAYS + "日より前）です。", refs);
			}
		}
		// imported logs: a serious finding nobody has looked at for a month means the
		// logs are not really read
		java.time.Instant reviewBy = oldestAllowed.atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).toInstant();
		for (AccessLogFinding unread : logFindings.list(context.org(), FindingState.NEW)) {
			if (unread.severity() == jp.mamori.shared.Severity.HIGH && unread.detectedAt().isBefore(reviewBy)) {
				findings.add("取り込んだログの重大な検出（" + unread.rule() + "、"
						+ String.join("・", unread.accounts().stream().limit(3).toList()) + "）が" + REVIEW_DAYS
						+ "日以上確認されていません。");
			}
		}
		if (!findings.isEmpty()) {
			return findings.fail();
		}
		return CheckResult.pass("使用中のサーバ " + servers.size() + " 台すべてのログを" + REVIEW_DAYS + "日以内に確認しています。");
	}

	private static boolean names(LedgerRow source, LedgerRow server) {
		String named = text(source, "source");
		return CheckFindings.sameName(named, text(server, "name"))
				|| CheckFindings.sameName(named, text(server, "hostname"))
				|| CheckFindings.sameName(named, text(server, "system"));
	}

}
