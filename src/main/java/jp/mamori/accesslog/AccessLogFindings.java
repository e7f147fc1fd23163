package jp.mamori.accesslog;

import jp.mamori.accesslog.internal.AccessLogEventRepository;
import jp.mamori.accesslog.internal.AccessLogFindingRepository;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reading findings with their evidence, and triaging them (state + comment trail). */
@Component
public class AccessLogFindings {

	private final AccessLogFindingRepository findings;

	private final AccessLogEventRepository events;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	AccessLogFindings(AccessLogFindingRepository findings, AccessLogEventRepository events,
			ApplicationEventPublisher publisher, Clock clock) {
		this.findings = findings;
		this.events = events;
		this.publisher = publisher;
		this.clock = clock;
	}

	/** The organisation's findings: open ones first, then most severe, then newest. */
	public List<AccessLogFinding> list(OrgId org, FindingState state) {
		return findings.findAll(org)
			.stream()
			.filter(f -> state == null || f.state() == state)
			.sorted(Comparator.comparing((AccessLogFinding f) -> !f.open())
				.thenComparing(AccessLogFinding::severity)
				.thenComparing(AccessLogFinding::last, Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
	}

	public AccessLogFinding require(OrgId org, UUID id) {
		return findings.find(org, id).orElseThrow(() -> new NotFoundException("検出結果が見つかりません"));
	}

	/** The events behind a finding, in time order. */
	public List<LogEvent> evidence(OrgId org, UUID id) {
		AccessLogFinding finding = require(org, id);
		// the finding's own time range keeps PostgreSQL within the months concerned
		List<AccessLogEventRepository.StoredEvent> stored = finding.first() == null || finding.last() == null
				? events.findByFingerprints(org, finding.evidence())
				: events.findByFingerprints(org, finding.evidence(), finding.first(), finding.last());
		return stored.stream().map(AccessLogEventRepository.StoredEvent::event).toList();
	}

	public List<FindingComment> comments(OrgId org, UUID id) {
		return findings.comments(org, id);
	}

	/**
	 * Sets a finding's state with an optional comment (a 誤検知 needs one: why it is not a
	 * threat must be on record).
	 */
	@Transactional
	public void triage(OrgId org, UUID id, int expectedVersion, FindingState state, String comment, String by) {
		AccessLogFinding finding = require(org, id);
		String body = comment == null || comment.isBlank() ? null : comment.strip();
		if (body != null && body.length() > 2000) {
			throw new BadInputException("コメントは2000文字以内で入力してください");
		}
		if (state == FindingState.FALSE_POSITIVE && body == null) {
			throw new BadInputException("誤検知とする理由をコメントに書いてください");
		}
		if (findings.triage(org, id, expectedVersion, state, clock.instant()) != 1) {
			throw new ConflictException("この検出結果は他の人が先に更新しました。画面を再読み込みしてください");
		}
		findings.comment(org, id, new FindingComment(state, body, clock.instant(), by));
		publisher.publishEvent(new AccessLogFindingTriaged(org, id, finding.rule(), state, by));
	}

}
