package jp.mamori.accesslog.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jp.mamori.accesslog.parser.Access;
import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;

/**
 * Object Mother for normalised events, shaped the way the parsers write them (4625 with
 * IpAddress {@code -} has no source, sshd lines are REMOTE_SHELL …), and a runner for one
 * rule.
 */
final class Events {

	private Events() {
	}

	static Instant at(String isoUtc) {
		return Instant.parse(isoUtc);
	}

	/** A Windows 4625 network logon failure without a source address. */
	static LogEvent.Builder failure(Instant time, String user) {
		return LogEvent.at(time, EventKind.AUTH_FAILURE)
			.channel("Security")
			.eventId("4625")
			.user(user)
			.logonType(3)
			.access(Access.NETWORK)
			.status("0xc000006a");
	}

	/** A Windows 4624 network logon without a source address. */
	static LogEvent.Builder success(Instant time, String user) {
		return LogEvent.at(time, EventKind.AUTH_SUCCESS)
			.channel("Security")
			.eventId("4624")
			.user(user)
			.logonType(3)
			.access(Access.NETWORK);
	}

	/**
	 * A Windows 4624/4625 with the given logon type (its access derived as parsers do).
	 */
	static LogEvent.Builder logon(Instant time, EventKind kind, String user, int logonType) {
		return LogEvent.at(time, kind)
			.channel("Security")
			.eventId(kind == EventKind.AUTH_SUCCESS ? "4624" : "4625")
			.user(user)
			.logonType(logonType)
			.access(Access.ofWindowsLogonType(logonType));
	}

	/** An sshd "Failed password" line. */
	static LogEvent.Builder sshFailure(Instant time, String user, String source) {
		return LogEvent.at(time, EventKind.AUTH_FAILURE)
			.host("LabSZ")
			.channel("sshd")
			.user(user)
			.sourceAddress(source)
			.access(Access.REMOTE_SHELL)
			.process("sshd")
			.status("Failed password");
	}

	/** An sshd "Accepted password" line. */
	static LogEvent.Builder sshSuccess(Instant time, String user, String source) {
		return LogEvent.at(time, EventKind.AUTH_SUCCESS)
			.host("LabSZ")
			.channel("sshd")
			.user(user)
			.sourceAddress(source)
			.access(Access.REMOTE_SHELL)
			.process("sshd");
	}

	/** A 4624 remote desktop logon (type 10). */
	static LogEvent.Builder rdp(Instant time, String user, String source) {
		return logon(time, EventKind.AUTH_SUCCESS, user, 10).sourceAddress(source);
	}

	/** A RemoteConnectionManager 1149 (remote desktop authentication succeeded). */
	static LogEvent.Builder rdp1149(Instant time, String user, String source) {
		return LogEvent.at(time, EventKind.AUTH_SUCCESS)
			.channel("Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational")
			.eventId("1149")
			.user(user)
			.sourceAddress(source)
			.access(Access.REMOTE_DESKTOP);
	}

	/** A VPN tunnel up / SSL-VPN login. */
	static LogEvent.Builder vpn(Instant time, String user, String source) {
		return LogEvent.at(time, EventKind.AUTH_SUCCESS)
			.host("FGT60E")
			.channel("fortigate")
			.eventId("0101039947")
			.user(user)
			.sourceAddress(source)
			.access(Access.VPN);
	}

	/** A web request as an access-log parser writes it. */
	static LogEvent.Builder web(Instant time, String source, String method, String target, int status) {
		return LogEvent.at(time, EventKind.WEB_REQUEST)
			.channel("http")
			.eventId(Integer.toString(status))
			.status(Integer.toString(status))
			.sourceAddress(source)
			.process(method)
			.target(target)
			.access(Access.WEB);
	}

	/** An SQL Server 18456 login failure. */
	static LogEvent.Builder sqlFailure(Instant time, String login, String client) {
		return LogEvent.at(time, EventKind.AUTH_FAILURE)
			.host("MSSQL01")
			.channel("Application")
			.eventId("18456")
			.user(login)
			.sourceAddress(client)
			.access(Access.DATABASE)
			.status("Password did not match");
	}

	/** A 4720 account creation. */
	static LogEvent.Builder created(Instant time, String account, String sid, String by) {
		return LogEvent.at(time, EventKind.ACCOUNT_CREATED)
			.channel("Security")
			.eventId("4720")
			.user(account)
			.subjectUser(by)
			.data(sid == null ? Map.of() : Map.of("TargetSid", sid));
	}

	/** A 4726 account deletion. */
	static LogEvent.Builder deleted(Instant time, String account, String sid, String by) {
		return LogEvent.at(time, EventKind.ACCOUNT_DELETED)
			.channel("Security")
			.eventId("4726")
			.user(account)
			.subjectUser(by)
			.data(sid == null ? Map.of() : Map.of("TargetSid", sid));
	}

	/**
	 * {@code count} events {@code step} apart from {@code start}, the i-th made by
	 * {@code make}.
	 */
	static List<LogEvent> series(Instant start, Duration step, int count, BiFunction<Integer, Instant, LogEvent> make) {
		List<LogEvent> events = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			events.add(make.apply(i, start.plus(step.multipliedBy(i))));
		}
		return events;
	}

	@SafeVarargs
	static List<LogEvent> all(List<LogEvent>... parts) {
		List<LogEvent> events = new ArrayList<>();
		for (List<LogEvent> part : parts) {
			events.addAll(part);
		}
		return events;
	}

	/** Runs one rule over the events in time order (stable for equal times). */
	static List<Finding> run(DetectionRule rule, List<LogEvent> events) {
		return run(rule, RuleSettings.defaults(), AccountDirectory.none(), events);
	}

	static List<Finding> run(DetectionRule rule, RuleSettings settings, AccountDirectory accounts,
			List<LogEvent> events) {
		DetectionRule.Run run = rule.start(settings, accounts);
		events.stream().sorted(Comparator.comparing(LogEvent::time)).forEach(run::accept);
		return run.finish();
	}

	/** Settings with other thresholds than the defaults. */
	static RuleSettings thresholds(int failures, Duration window) {
		RuleSettings d = RuleSettings.defaults();
		return new RuleSettings(d.zone(), d.businessStart(), d.businessEnd(), d.businessDays(), failures, window,
				d.sprayAccounts(), d.sprayWindow(), d.createDeleteWindow(), failures, window);
	}

}
