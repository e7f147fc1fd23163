package jp.mamori.accesslog.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;

/**
 * {@code success-after-failures}: a successful logon of an account from a source right
 * after failures of the same account from the same source (no address matches no
 * address). After a burst ({@code bruteForceFailures} within {@code bruteForceWindow})
 * the password was probably guessed (HIGH); after fewer it was probably a typo, listed
 * LOW. A success from a source without failures never counts, even if the account failed
 * elsewhere. A success ends the run of failures it follows.
 */
public final class SuccessAfterFailuresRule implements DetectionRule {

	public static final String ID = "success-after-failures";

	private static final int SWEEP_EVERY = 1 << 16;

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "ログオン失敗の後の成功";
	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		return new AfterFailuresRun(settings);
	}

	/** An account and {@link Logons#origin where it came from}. */
	private record Pair(String account, String origin) {
	}

	private record Outcome(String account, String origin, String source, Severity severity) {
	}

	/** The failures of one account from one source not yet followed by a success. */
	private static final class Failures {

		private final RecentEvents recent;

		/** Failures in this run (gaps of at most a window), beyond what is kept. */
		private long total;

		Failures(int capacity) {
			this.recent = new RecentEvents(capacity);
		}

	}

	private static final class Found {

		private final FindingDraft draft = new FindingDraft();

		/** Failures in the window before the first success found. */
		private int before;

		/** Failures of the run before the first success found. */
		private long run;

		private Instant firstSuccess;

		private Instant lastSuccess;

	}

	private static final class AfterFailuresRun implements DetectionRule.Run {

		private final RuleSettings settings;

		private final Duration window;

		private final int threshold;

		private final Map<Pair, Failures> pending = new HashMap<>();

		private final Map<Outcome, Found> found = new LinkedHashMap<>();

		private long accepted;

		AfterFailuresRun(RuleSettings settings) {
			this.settings = settings;
			this.window = settings.bruteForceWindow();
			this.threshold = Math.max(1, settings.bruteForceFailures());
		}

		@Override
		public void accept(LogEvent event) {
			if (!Logons.isPerson(event)) {
				return;
			}
			if (Logons.isFailure(event)) {
				Failures failures = pending.computeIfAbsent(new Pair(event.account(), Logons.origin(event)),
						k -> new Failures(threshold));
				if (failures.recent.isStale(event.time(), window)) {
					failures.recent.clear();
					failures.total = 0;
				}
				failures.recent.add(event);
				failures.total++;
			}
			else if (Logons.isSuccess(event)) {
				Failures failures = pending.remove(new Pair(event.account(), Logons.origin(event)));
				if (failures != null) {
					succeeded(event, failures);
				}
			}
			if (++accepted % SWEEP_EVERY == 0) {
				pending.values().removeIf(f -> f.recent.isStale(event.time(), window));
			}
		}

		private void succeeded(LogEvent success, Failures failures) {
			List<LogEvent> before = failures.recent.within(success.time(), window);
			if (before.isEmpty()) {
				return;
			}
			Severity severity = before.size() >= threshold ? Severity.HIGH : Severity.LOW;
			Found entry = found.computeIfAbsent(
					new Outcome(success.account(), Logons.origin(success), success.sourceAddress(), severity), k -> {
						Found f = new Found();
						f.before = before.size();
						f.run = failures.total;
						return f;
					});
			for (LogEvent failure : before) {
				entry.draft.note(failure).keep(failure);
			}
			entry.draft.add(success);
			if (entry.firstSuccess == null) {
				entry.firstSuccess = success.time();
			}
			entry.lastSuccess = success.time();
		}

		@Override
		public List<Finding> finish() {
			List<Finding> findings = new ArrayList<>();
			found.forEach((outcome, entry) -> findings.add(finding(outcome, entry)));
			return findings;
		}

		private Finding finding(Outcome outcome, Found entry) {
			FindingDraft draft = entry.draft;
			String account = draft.accounts().names().get(0);
			String period = Wording.period(entry.firstSuccess, entry.lastSuccess, settings.zone());
			String success = outcome.source() == null ? "にログオンに成功しました（送信元アドレスの記録なし）。"
					: "に送信元 " + outcome.source() + " からログオンに成功しました。";
			String same = outcome.source() == null ? "" : "同じ送信元から";
			String times = draft.count() > 1 ? "このような成功が " + draft.count() + " 回ありました。" : "";
			String summary;
			if (outcome.severity() == Severity.HIGH) {
				String run = entry.run > entry.before ? "（一連の失敗は計 " + entry.run + " 回）" : "";
				summary = "アカウント " + account + " が " + period + " " + success + "その直前の " + Wording.duration(window)
						+ "以内に" + same + " " + threshold + " 回以上のログオン失敗" + run + "がありました。" + times
						+ "総当たりの後にログオンに成功しており、パスワードを破られた可能性があります。すぐに本人に確認し、パスワードを変更してください。";
			}
			else {
				summary = "アカウント " + account + " が " + period + " " + success + "その直前に" + same + " " + entry.before
						+ " 回のログオン失敗がありました。" + times + "入力ミスの可能性が高いですが、本人の操作か確認してください。";
			}
			return draft.finding(ID, outcome.severity(), summary);
		}

	}

}
