package jp.mamori.network;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jp.mamori.network.internal.NetworkAnalysisRepository;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.ConflictException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the stored analyses and findings of configurations and scans, and triaging
 * findings (state + comment trail).
 */
@Component
public class NetworkFindings {

	private final NetworkAnalysisRepository repository;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	NetworkFindings(NetworkAnalysisRepository repository, ApplicationEventPublisher publisher, Clock clock) {
		this.repository = repository;
		this.publisher = publisher;
		this.clock = clock;
	}

	/** The organisation's analyses, newest first. */
	public List<NetworkAnalysis> analyses(OrgId org) {
		return repository.analyses(org);
	}

	public NetworkAnalysis requireAnalysis(OrgId org, UUID id) {
		return repository.analysis(org, id).orElseThrow(() -> new NotFoundException("解析結果が見つかりません"));
	}

	/** One analysis' findings in file order (by line). */
	public List<NetworkFinding> of(OrgId org, UUID analysisId) {
		return repository.findings(org, requireAnalysis(org, analysisId).id());
	}

	/**
	 * Every finding of the organisation, optionally of one state: open ones first, then
	 * most severe, then by line.
	 */
	public List<NetworkFinding> list(OrgId org, NetworkFindingState state) {
		return repository.findings(org)
			.stream()
			.filter(f -> state == null || f.state() == state)
			.sorted(Comparator.comparing((NetworkFinding f) -> !open(f))
				.thenComparingInt(NetworkFinding::severityRank)
				.thenComparingInt(NetworkFinding::line))
			.toList();
	}

	public NetworkFinding require(OrgId org, UUID id) {
		return repository.finding(org, id).orElseThrow(() -> new NotFoundException("検出結果が見つかりません"));
	}

	public List<NetworkFindingComment> comments(OrgId org, UUID id) {
		return repository.comments(org, id);
	}

	/**
	 * Sets a finding's state with an optional comment (a 誤検知 needs one: why the setting
	 * is not a problem must be on record).
	 */
	@Transactional
	public void triage(OrgId org, UUID id, int expectedVersion, NetworkFindingState state, String comment, String by) {
		NetworkFinding finding = require(org, id);
		String body = comment == null || comment.isBlank() ? null : comment.strip();
		if (body != null && body.length() > 2000) {
			throw new BadInputException("コメントは2000文字以内で入力してください");
		}
		if (state == NetworkFindingState.FALSE_POSITIVE && body == null) {
			throw new BadInputException("誤検知とする理由をコメントに書いてください");
		}
		if (repository.triage(org, id, expectedVersion, state, clock.instant()) != 1) {
			throw new ConflictException("この検出結果は他の人が先に更新しました。画面を再読み込みしてください");
		}
		repository.comment(org, id, new NetworkFindingComment(state, body, clock.instant(), by));
		publisher.publishEvent(new NetworkFindingTriaged(org, id, finding.findingId(), state, by));
	}

	private static boolean open(NetworkFinding f) {
		return f.state() == NetworkFindingState.NEW || f.state() == NetworkFindingState.IN_PROGRESS;
	}

}
