package jp.mamori.identity.web;

import jp.mamori.identity.OrganizationSecurityChanged;
import jp.mamori.identity.TwoFactor;
import jp.mamori.identity.UserAccounts;
import jp.mamori.identity.UserDeactivated;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a user: when the account is deactivated (at once, on every node,
 * since sessions live in the database) and when the user asks to log out everywhere.
 */
@Component
class SessionTermination {

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	private final UserAccounts users;

	private final TwoFactor twoFactor;

	SessionTermination(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions, UserAccounts users,
			TwoFactor twoFactor) {
		this.sessions = sessions;
		this.users = users;
		this.twoFactor = twoFactor;
	}

	@EventListener
	void deactivated(UserDeactivated event) {
		endAllSessions(event.username());
	}

	/**
	 * When an organisation starts requiring two-factor authentication, members who have
	 * not enrolled are logged out everywhere: at their next login they are sent to enrol.
	 */
	@EventListener
	void twoFactorRequired(OrganizationSecurityChanged event) {
		if (event.requireTwoFactor() && !event.requireTwoFactorBefore()) {
			users.members(event.org())
				.stream()
				.map(member -> member.user().username())
				.filter(username -> !twoFactor.isEnabled(username))
				.forEach(this::endAllSessions);
		}
	}

	int endAllSessions(String username) {
		FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
		if (repository == null) {
			// the command line has no sessions; the web app's are in the database and the
			// user can no longer log in
			return 0;
		}
		var found = repository.findByPrincipalName(username);
		found.keySet().forEach(repository::deleteById);
		return found.size();
	}

}
