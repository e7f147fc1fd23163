package jp.mamori.accesslog.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;

/**
 * {@code password-spray}: one source address tries many different accounts within a
 * window — a few common passwords against every account, which stays under lockout
 * thresholds. Failed logons (4625, sshd, VPN …) and explicit-credential attempts (4648)
 * both count; a 4648 without an address is attributed to its subject account, the one
 * trying the credentials.
 *
 * <p>
 * The count starts at the first attempt of the episode that fired (attempts with gaps of
 * at most a window) and includes everything after: a source that tried one account last
 * week and stopped is forgotten, which keeps memory to the sources active in the window
 * plus those that fired.
 */
public final class PasswordSprayRule implements DetectionRule {

	public static final String ID = "password-spray";

	private static final int SWEEP_EVERY = 1 << 16;

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "パスワードスプレー攻撃（1 つの送信元から多数のアカウントへの試行）";
	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		return new SprayRun(settings);
	}

	/** A source address (qualified by the host when loopback) or a subject account. */
	private record Origin(String address, String subject) {
	}

	/**
	 * The attempts of one origin with gaps of at most a window. Until it fires it holds
	 * only counts and the accounts of the window; the finding is drafted when it fires.
	 */
	private static final class Episode {

		/**
		 * Accounts tried within the window, each with its latest attempt, least recent
		 * first (re-inserted on every attempt); null once fired.
		 */
		private LinkedHashMap<String, LogEvent> window = new LinkedHashMap<>(4);

		/** Null until fired. */
		private FindingDraft draft;

		private Instant first;

		private Instant latest;

		private long attempts;

		private long failures;

		private long explicit;

		private String subject;

	}

	private static final class SprayRun implements DetectionRule.Run {

		private final RuleSettings settings;

		private final Duration window;

		private final Map<Origin, Episode> episodes = new HashMap<>();

		private final List<Map.Entry<Origin, Episode>> fired = new ArrayList<>();

		private long accepted;

		SprayRun(RuleSettings settings) {
			this.settings = settings;
			this.window = settings.sprayWindow();
		}

		@Override
		public void accept(LogEvent event) {
			boolean failure = Logons.isFailure(event);
			boolean explicit = event.kind() == EventKind.EXPLICIT_CREDENTIALS;
			if (!(failure || explicit) || !Logons.isPerson(event)) {
				return;
			}
			Origin origin;
			if (event.sourceAddress() != null) {
				origin = new Origin(Logons.origin(event), null);
			}
			else if (explicit && event.subjectAccount() != null) {
				origin = new Origin(null, event.subjectAccount());
			}
			else {
				return;
			}
			Episode episode = episodes.get(origin);
			if (episode != null && episode.window != null && isStale(episode, event.time())) {
				episode = null;
			}
			if (episode == null) {
				episode = new Episode();
				episode.subject = origin.subject() == null ? null : event.subjectUser();
				episodes.put(origin, episode);
			}
			if (episode.first == null) {
				episode.first = event.time();
			}
			episode.latest = event.time();
			episode.attempts++;
			if (failure) {
				episode.failures++;
			}
			else {
				episode.explicit++;
			}
			if (episode.draft != null) {
				episode.draft.add(event);
			}
			else {
				slide(episode, event);
				if (episode.window.size() >= settings.sprayAccounts()) {
					fire(origin, episode);
				}
			}
			if (++accepted % SWEEP_EVERY == 0) {
				Iterator<Episode> it = episodes.values().iterator();
				while (it.hasNext()) {
					Episode e = it.next();
					if (e.window != null && isStale(e, event.time())) {
						it.remove();
					}
				}
			}
		}

		/**
		 * Drafts the finding: the last attempt on each account of the window is the first
		 * evidence; attempts before it are counted, their accounts no longer known.
		 */
		private void fire(Origin origin, Episode episode) {
			FindingDraft draft = new FindingDraft();
			episode.window.values().forEach(draft::add);
			draft.countEarlier(episode.attempts - episode.window.size(), episode.first);
			episode.draft = draft;
			episode.window = null;
			fired.add(Map.entry(origin, episode));
		}

		private boolean isStale(Episode episode, Instant now) {
			return episode.latest.plus(window).isBefore(now);
		}

		private void slide(Episode episode, LogEvent event) {
			episode.window.remove(event.account());
			episode.window.put(event.account(), event);
			Instant from = event.time().minus(window);
			Iterator<LogEvent> it = episode.window.values().iterator();
			while (it.hasNext() && it.next().time().isBefore(from)) {
				it.remove();
			}
		}

		@Override
		public List<Finding> finish() {
			List<Finding> findings = new ArrayList<>();
			for (Map.Entry<Origin, Episode> entry : fired) {
				findings.add(finding(entry.getKey(), entry.getValue()));
			}
			return findings;
		}

		private Finding finding(Origin origin, Episode episode) {
			FindingDraft draft = episode.draft;
			String period = Wording.period(draft.first(), draft.last(), settings.zone());
			String tried = draft.accounts().size() + " 個のアカウント（" + Wording.names(draft.accounts().names(), 5) + "）";
			List<String> attempts = new ArrayList<>();
			if (episode.failures > 0) {
				attempts.add("ログオン失敗が " + episode.failures + " 回");
			}
			if (episode.explicit > 0) {
				attempts.add("明示的な資格情報によるログオン試行が " + episode.explicit + " 回");
			}
			String found;
			if (origin.address() != null) {
				found = "送信元 " + draft.sources().names().get(0) + " から " + period + " に " + tried + "に対して、"
						+ String.join("、", attempts) + "ありました。";
			}
			else {
				found = "アカウント " + episode.subject + " が " + period + " に明示的な資格情報を使って " + tried + "へのログオンを試みました（"
						+ String.join("、", attempts) + "）。";
				draft.account(episode.subject);
			}
			String summary = found + Wording.duration(window) + "以内に " + settings.sprayAccounts()
					+ " 個以上のアカウントを試しており、パスワードスプレー攻撃（多数のアカウントに少しずつパスワードを試す攻撃）の可能性があります。";
			return draft.finding(ID, Severity.HIGH, summary);
		}

	}

}
