package jp.mamori.accesslog.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jp.mamori.accesslog.parser.LogEvent;

/**
 * All detection rules, run together over one stream of events. Plain Java (no Spring):
 * the offline command and the database-backed analysis use the same code.
 */
public final class DetectionRules {

	private final List<DetectionRule> rules;

	public DetectionRules(List<DetectionRule> rules) {
		this.rules = List.copyOf(rules);
	}

	/** Every rule Mamori has. */
	public static DetectionRules standard() {
		return new DetectionRules(List.of(new BruteForceRule(), new PasswordSprayRule(), new SuccessAfterFailuresRule(),
				new AccountCreatedRule(), new AdminGroupAddedRule(), new AccountCreatedAndDeletedRule(),
				new LogClearedRule(), new RdpLoopbackRule(), new RemoteLogonRule(), new OffHoursLogonRule(),
				new RetiredAccountLogonRule(), new UnknownAccountLogonRule(), new FirewallAdminLoginRule(),
				new VpnLoginRule(), new WebAdminUploadRule(), new WebshellAccessRule(), new SqlLoginFailuresRule()));
	}

	public List<DetectionRule> all() {
		return rules;
	}

	/** Starts one analysis over all rules. */
	public Analysis start(RuleSettings settings, AccountDirectory accounts) {
		return new Analysis(rules.stream().map(r -> r.start(settings, accounts)).toList());
	}

	/** Convenience for small inputs: sorts the events by time and runs every rule. */
	public List<Finding> analyse(List<LogEvent> events, RuleSettings settings, AccountDirectory accounts) {
		Analysis analysis = start(settings, accounts);
		events.stream().sorted(Comparator.comparing(LogEvent::time)).forEach(analysis::accept);
		return analysis.finish();
	}

	/** Every rule's run, fed the same events. */
	public static final class Analysis {

		private final List<DetectionRule.Run> runs;

		private Analysis(List<DetectionRule.Run> runs) {
			this.runs = runs;
		}

		/** The next event, in ascending time order. */
		public void accept(LogEvent event) {
			for (DetectionRule.Run run : runs) {
				run.accept(event);
			}
		}

		/** All findings, most severe first, then by first time. */
		public List<Finding> finish() {
			List<Finding> findings = new ArrayList<>();
			for (DetectionRule.Run run : runs) {
				findings.addAll(run.finish());
			}
			findings.sort(Comparator.comparing(Finding::severity)
				.thenComparing(Finding::first, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(Finding::rule));
			return findings;
		}

	}

}
