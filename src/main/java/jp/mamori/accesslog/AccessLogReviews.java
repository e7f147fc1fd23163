package jp.mamori.accesslog;

import jp.mamori.accesslog.internal.AccessLogEventRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.LedgerRow;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.LedgerValues;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static jp.mamori.accesslog.internal.AccessLogEventRepository.utc;

/**
 * The monthly log review (2-⑪): per log source, who reviewed which month, when, with
 * which findings acknowledged and what comment. Recording one marks the acknowledged
 * findings 確認済み and sets the ログリスト row's 最終確認日, which is what the 2-⑪ check reads.
 */
@Component
public class AccessLogReviews {

	private final JdbcClient jdbc;

	private final Ledgers ledgers;

	private final LedgerStore ledgerStore;

	private final LedgerRecords ledgerRecords;

	private final AccessLogFindings findings;

	private final Clock clock;

	AccessLogReviews(JdbcClient jdbc, Ledgers ledgers, LedgerStore ledgerStore, LedgerRecords ledgerRecords,
			AccessLogFindings findings, Clock clock) {
		this.jdbc = jdbc;
		this.ledgers = ledgers;
		this.ledgerStore = ledgerStore;
		this.ledgerRecords = ledgerRecords;
		this.findings = findings;
		this.clock = clock;
	}

	/** The log sources (ログリスト rows) of the organisation. */
	public List<LedgerRow> sources(OrgId org) {
		return ledgerStore.list(ledgers.require(AccessLogLedgers.LOG_SOURCES), org, 0, Integer.MAX_VALUE);
	}

	/** Reviews of the organisation, newest first. */
	public List<AccessLogReview> list(OrgId org) {
		return jdbc
			.sql("select id, source_id, period, reviewed_on, findings, open_findings, body, created_at, created_by "
					+ "from accesslog_review where org_id = ? order by reviewed_on desc, created_at desc")
			.param(org.value())
			.query((rs, n) -> new AccessLogReview(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6), rs.getString(7),
					rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9)))
			.list();
	}

	/**
	 * Records a review.
	 * @param sourceId the ログリスト row reviewed
	 * @param period the month reviewed ({@code 2025-06}); the previous month if blank
	 * @param acknowledged findings the reviewer acknowledges (set to 確認済み)
	 */
	@Transactional
	public AccessLogReview record(OrgId org, UUID sourceId, String period, List<UUID> acknowledged, String comment,
			String by) {
		LedgerDefinition sourcesLedger = ledgers.require(AccessLogLedgers.LOG_SOURCES);
		if (sourceId == null) {
			throw new BadInputException("確認したログ（ログリストの行）を選んでください");
		}
		LedgerRow source = ledgerStore.find(sourcesLedger, org, sourceId)
			.orElseThrow(() -> new BadInputException("ログリストの行が見つかりません。選び直してください"));
		LocalDate today = LocalDate.now(clock);
		YearMonth month;
		try {
			month = period == null || period.isBlank() ? YearMonth.from(today).minusMonths(1)
					: YearMonth.parse(period.strip());
		}
		catch (RuntimeException ex) {
			throw new BadInputException("確認した月は 2025-06 の形で入力してください: " + period);
		}
		if (month.isAfter(YearMonth.from(today))) {
			throw new BadInputException("確認した月に未来の月は指定できません: " + month);
		}
		String body = comment == null || comment.isBlank() ? null : comment.strip();
		if (body != null && body.length() > 2000) {
			throw new BadInputException("コメントは2000文字以内で入力してください");
		}
		for (UUID id : acknowledged) {
			AccessLogFinding finding = findings.require(org, id);
			if (finding.state() == FindingState.NEW) {
				findings.triage(org, id, finding.version(), FindingState.CONFIRMED, "月次確認（" + month + "）で確認", by);
			}
		}
		List<AccessLogFinding> all = findings.list(org, null);
		int open = (int) all.stream().filter(AccessLogFinding::open).count();
		AccessLogReview review = new AccessLogReview(UUID.randomUUID(), sourceId, month.toString(), today, all.size(),
				open, body, clock.instant(), by);
		jdbc.sql("insert into accesslog_review (id, org_id, source_id, period, reviewed_on, findings, open_findings, "
				+ "body, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(review.id(), org.value(), sourceId, review.period(), review.reviewedOn(), review.findings(),
					review.openFindings(), body, utc(review.createdAt()), by)
			.update();
		// the ログリスト's 最終確認日 is what 2-⑪ checks: keep it in step with the review record
		Map<String, String> raw = new java.util.LinkedHashMap<>(LedgerValues.raw(sourcesLedger, source.values()));
		raw.put("lastReviewedOn", today.toString());
		if (by != null && (raw.get("reviewer") == null || raw.get("reviewer").isBlank())) {
			raw.put("reviewer", by);
		}
		ledgerRecords.update(sourcesLedger, org, sourceId, source.version(), raw, by);
		return review;
	}

}
