package jp.mamori.identity.web;

import jp.mamori.identity.LoginThrottle;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Feeds password logins to the throttle and the audit trail: a wrong password (or unknown
 * name) counts against the name and the address; a correct one clears the name's count.
 */
@Component
class LoginEvents {

	private final LoginThrottle throttle;

	LoginEvents(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		throttle.failed(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
	}

	@EventListener
	void disabled(AuthenticationFailureDisabledEvent event) {
		throttle.failed(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
			throttle.succeeded(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
		}
	}

	private static String address(Object details) {
		return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress()
				: MamoriUserDetailsService.remoteAddress();
	}

}
