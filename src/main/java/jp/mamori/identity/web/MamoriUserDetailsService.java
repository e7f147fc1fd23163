package jp.mamori.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jp.mamori.identity.LoginThrottle;
import jp.mamori.identity.internal.UserRepository;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Loads a user for form login. A deactivated user cannot log in. While the name or the
 * address is locked by {@link LoginThrottle}, every name — existing or not — comes back
 * as a locked account, so the answer is "locked" without checking the password and
 * without telling whether the account exists.
 */
@Component
class MamoriUserDetailsService implements UserDetailsService {

	/** Never matches any password: stands in for a locked name that has no account. */
	private static final String NO_PASSWORD = "{noop}\u0000locked";

	private final UserRepository users;

	private final LoginThrottle throttle;

	MamoriUserDetailsService(UserRepository users, LoginThrottle throttle) {
		this.users = users;
		this.throttle = throttle;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		if (throttle.isLocked(username, remoteAddress())) {
			return User.withUsername(username)
				.password(NO_PASSWORD)
				.accountLocked(true)
				.authorities("ROLE_USER")
				.build();
		}
		return users.credentials(username)
			.map(c -> User.withUsername(c.user().username())
				.password(c.passwordHash())
				.disabled(!c.user().enabled())
				.authorities(c.user().systemAdmin() ? "ROLE_SYSTEM_ADMIN" : "ROLE_USER")
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}

	static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return "local";
	}

}
