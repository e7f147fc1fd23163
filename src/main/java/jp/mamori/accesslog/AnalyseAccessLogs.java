package jp.mamori.accesslog;

import jp.mamori.accesslog.internal.AccessLogEventRepository;
import jp.mamori.accesslog.internal.AccessLogFindingRepository;
import jp.mamori.accesslog.internal.StoredEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jp.mamori.accesslog.rule.DetectionRules;
import jp.mamori.accesslog.rule.Finding;
import jp.mamori.accesslog.rule.RuleSettings;
import jp.mamori.shared.OrgId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every detection rule over all of an organisation's events (streamed from the
 * database in time order) and stores the findings: a finding seen before keeps its triage
 * state and gets the new numbers; an untriaged finding no longer produced is removed.
 */
@Component
public class AnalyseAccessLogs {

	private final AccessLogEventRepository events;

	private final AccessLogFindingRepository findings;

	private final AccountDirectories directories;

	private final AccessLogSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AccessLogRetention retention;

	private final DetectionRules rules = DetectionRules.standard();

	/** One analysis per organisation at a time on this node. */
	private final Map<OrgId, Object> locks = new ConcurrentHashMap<>();

	AnalyseAccessLogs(AccessLogEventRepository events, AccessLogFindingRepository findings,
			AccountDirectories directories, AccessLogSettings settings, TransactionTemplate transactions, Clock clock,
			AccessLogRetention retention) {
		this.retention = retention;
		this.events = events;
		this.findings = findings;
		this.directories = directories;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Analyses the organisation's events; returns the findings as stored. */
	public List<AccessLogFinding> analyse(OrgId org) {
		synchronized (locks.computeIfAbsent(org, o -> new Object())) {
			RuleSettings ruleSettings = settings.of(org);
			DetectionRules.Analysis analysis = rules.start(ruleSettings, directories.of(org));
			// a read-only transaction lets PostgreSQL stream with a cursor (fetch size)
			TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
			readOnly.setReadOnly(true);
			// from the retention cutoff on: events the policy no longer keeps are not
			// analysed, and on PostgreSQL the months before it are not read
			readOnly.executeWithoutResult(status -> events.forEachEvent(org, retention.keptSince(), analysis::accept));
			List<Finding> found = analysis.finish();
			return transactions.execute(status -> store(org, found));
		}
	}

	private List<AccessLogFinding> store(OrgId org, List<Finding> found) {
		Instant now = clock.instant();
		Map<String, AccessLogFinding> existing = new HashMap<>();
		for (AccessLogFinding finding : findings.findAll(org)) {
			existing.put(finding.key(), finding);
		}
		List<AccessLogFinding> stored = new ArrayList<>();
		for (Finding finding : found) {
			List<String> evidence = finding.evidence()
				.stream()
				.map(StoredEvents::normalise)
				.map(StoredEvents::fingerprint)
				.toList();
			String key = key(finding, evidence);
			AccessLogFinding previous = existing.remove(key);
			if (previous == null) {
				AccessLogFinding created = new AccessLogFinding(UUID.randomUUID(), key, finding.rule(),
						finding.severity(), finding.count(), finding.accounts(), finding.sources(), finding.hosts(),
						finding.first(), finding.last(), finding.summary(), evidence, FindingState.NEW, now, now, 0);
				findings.insert(org, created);
				stored.add(created);
			}
			else {
				AccessLogFinding refreshed = new AccessLogFinding(previous.id(), key, finding.rule(),
						finding.severity(), finding.count(), finding.accounts(), finding.sources(), finding.hosts(),
						finding.first(), finding.last(), finding.summary(), evidence, previous.state(),
						previous.detectedAt(), now, previous.version());
				findings.refresh(org, refreshed);
				stored.add(refreshed);
			}
		}
		for (AccessLogFinding gone : existing.values()) {
			findings.deleteUntriaged(org, gone.id());
		}
		return stored;
	}

	/**
	 * A finding is the same finding across analyses when its rule, first evidence event
	 * and first account/source are: later events change its numbers, not its identity.
	 */
	static String key(Finding finding, List<String> evidence) {
		String anchor = finding.rule() + '|' + (evidence.isEmpty() ? finding.first() : evidence.get(0)) + '|'
				+ (finding.accounts().isEmpty() ? "" : finding.accounts().get(0)) + '|'
				+ (finding.sources().isEmpty() ? "" : finding.sources().get(0)) + '|'
				+ (finding.hosts().isEmpty() ? "" : finding.hosts().get(0));
		return HexFormat.of().formatHex(StoredEvents.sha256(anchor));
	}

}
