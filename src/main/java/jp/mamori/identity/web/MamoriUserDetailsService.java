package jp.mamori.identity.web;

import jp.mamori.identity.internal.UserRepository;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads a user for form login; a deactivated user cannot log in. */
@Component
class MamoriUserDetailsService implements UserDetailsService {

	private final UserRepository users;

	MamoriUserDetailsService(UserRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return users.credentials(username)
			.map(c -> User.withUsername(c.user().username())
				.password(c.passwordHash())
				.disabled(!c.user().enabled())
				.authorities(c.user().systemAdmin() ? "ROLE_SYSTEM_ADMIN" : "ROLE_USER")
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
	}

}
