package jp.mamori.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jp.mamori.identity.internal.LoginThrottleRepository;
import jp.mamori.identity.internal.LoginThrottleRepository.Counter;
import jp.mamori.identity.internal.UserRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Back-off after failed logins, per user name and per address. A user name is locked
 * after {@value #USER_FREE_FAILURES} failures, for 1 minute, doubling with each further
 * failure up to an hour; an address after {@value #ADDRESS_FREE_FAILURES} failures
 * (password spraying across names), for 15 minutes, doubling up to an hour. Counters are
 * kept for names that do not exist too, so the answers never tell whether an account
 * exists. A successful login clears the name's counter.
 */
@Service
public class LoginThrottle {

	static final int USER_FREE_FAILURES = 5;

	static final int ADDRESS_FREE_FAILURES = 20;

	static final Duration MAX_LOCK = Duration.ofHours(1);

	/** An address's failures are forgotten after an hour without one. */
	static final Duration ADDRESS_MEMORY = Duration.ofHours(1);

	private final LoginThrottleRepository counters;

	private final UserRepository users;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LoginThrottle(LoginThrottleRepository counters, UserRepository users, ApplicationEventPublisher events,
			Clock clock) {
		this.counters = counters;
		this.users = users;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * True while the name or the address is locked: the attempt is refused without
	 * checking the password.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean isLocked(String username, String address) {
		Instant now = clock.instant();
		boolean locked = lockedAt(userKey(username), now) || lockedAt(addressKey(address), now);
		if (locked) {
			events.publishEvent(
					new LoginRecorded(username, address, LoginRecorded.Outcome.LOCKED, organizations(username)));
		}
		return locked;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String username, String address) {
		Instant now = clock.instant();
		List<jp.mamori.shared.OrgId> orgs = organizations(username);
		events.publishEvent(new LoginRecorded(username, address, LoginRecorded.Outcome.FAILED, orgs));
		Counter user = bump(userKey(username), now, null);
		if (user.failures() >= USER_FREE_FAILURES) {
			Duration lock = backOff(Duration.ofMinutes(1), user.failures() - USER_FREE_FAILURES);
			counters.save(new Counter(user.key(), user.failures(), now, now.plus(lock)));
			events.publishEvent(new LoginRecorded(username, address, LoginRecorded.Outcome.LOCKED_OUT, orgs));
		}
		Counter byAddress = bump(addressKey(address), now, ADDRESS_MEMORY);
		if (byAddress.failures() >= ADDRESS_FREE_FAILURES) {
			Duration lock = backOff(Duration.ofMinutes(15), byAddress.failures() - ADDRESS_FREE_FAILURES);
			counters.save(new Counter(byAddress.key(), byAddress.failures(), now, now.plus(lock)));
		}
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String username, String address) {
		counters.delete(userKey(username));
		events.publishEvent(
				new LoginRecorded(username, address, LoginRecorded.Outcome.SUCCEEDED, organizations(username)));
	}

	private boolean lockedAt(String key, Instant now) {
		return counters.find(key).map(c -> c.lockedUntil() != null && c.lockedUntil().isAfter(now)).orElse(false);
	}

	private Counter bump(String key, Instant now, Duration memory) {
		Counter current = counters.find(key)
			.filter(c -> memory == null || c.lastFailure().plus(memory).isAfter(now))
			.orElse(new Counter(key, 0, now, null));
		Counter next = new Counter(key, current.failures() + 1, now, current.lockedUntil());
		counters.save(next);
		return next;
	}

	static Duration backOff(Duration first, int step) {
		Duration lock = first.multipliedBy(1L << Math.min(step, 10));
		return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
	}

	private List<jp.mamori.shared.OrgId> organizations(String username) {
		return users.memberships(username).stream().map(Membership::org).toList();
	}

	private static String userKey(String username) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return "user:" + (name.length() > 200 ? name.substring(0, 200) : name);
	}

	private static String addressKey(String address) {
		return "addr:" + (address == null ? "unknown" : address);
	}

}
