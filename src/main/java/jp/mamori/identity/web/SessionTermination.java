package jp.mamori.identity.web;

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

	SessionTermination(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.sessions = sessions;
	}

	@EventListener
	void deactivated(UserDeactivated event) {
		endAllSessions(event.username());
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
