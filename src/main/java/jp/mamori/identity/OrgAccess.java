package jp.mamori.identity;

import java.util.Optional;

import jp.mamori.shared.OrgId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The permission checks controllers declare, e.g.
 * {@code @PreAuthorize("@access.canEdit(#org)")}. Roles are read from the database on
 * every check, so a changed or removed membership takes effect at once. An API token only
 * ever reaches the organisation it was issued for.
 */
@Component("access")
public class OrgAccess {

	private final UserAccounts users;

	OrgAccess(UserAccounts users) {
		this.users = users;
	}

	public boolean canView(OrgId org) {
		return role(org).map(OrgRole::canView).orElse(false);
	}

	public boolean canEdit(OrgId org) {
		return role(org).map(OrgRole::canEdit).orElse(false);
	}

	public boolean canAdminister(OrgId org) {
		return role(org).map(OrgRole::canAdminister).orElse(false);
	}

	public boolean isSystemAdmin() {
		Authentication auth = current();
		if (auth == null || auth instanceof ApiTokenAuthentication) {
			return false;
		}
		return users.find(auth.getName()).map(u -> u.enabled() && u.systemAdmin()).orElse(false);
	}

	public Optional<OrgRole> role(OrgId org) {
		Authentication auth = current();
		if (auth == null || org == null) {
			return Optional.empty();
		}
		if (auth instanceof ApiTokenAuthentication token && !token.org().equals(org)) {
			return Optional.empty();
		}
		return users.role(auth.getName(), org);
	}

	private static Authentication current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getPrincipal()) ? auth : null;
	}

}
