package jp.mamori.identity;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jp.mamori.shared.OrgId;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The permission checks controllers declare, e.g.
 * {@code @PreAuthorize("@access.canEdit(#org)")}. Roles are read from the database on
 * every check, so a changed or removed membership takes effect at once. An API token only
 * ever reaches the organisation it was issued for.
 */
@Component("access")
public class OrgAccess {

	private static final String MEMO = OrgAccess.class.getName() + ".roles";

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

	/**
	 * Any role at all in the organisation (the URL-level gate; handlers check the role
	 * they need).
	 */
	public boolean isMember(OrgId org) {
		return role(org).isPresent();
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
		// A page asks several times (URL gate, @PreAuthorize, the template): one query
		// per request and organisation. The memo lives only as long as the request.
		Map<OrgId, Optional<OrgRole>> memo = requestMemo(auth);
		if (memo == null) {
			return lookUp(auth, org);
		}
		Optional<OrgRole> role = memo.get(org);
		if (role == null) {
			role = lookUp(auth, org);
			memo.put(org, role);
		}
		return role;
	}

	private Optional<OrgRole> lookUp(Authentication auth, OrgId org) {
		if (auth instanceof ApiTokenAuthentication token) {
			if (!token.org().equals(org)) {
				return Optional.empty();
			}
			// a token acts with the lesser of its own role and the member's current role
			return users.role(auth.getName(), org)
				.map(member -> token.role() == null || member.ordinal() >= token.role().ordinal() ? member
						: token.role());
		}
		return users.role(auth.getName(), org);
	}

	/**
	 * The role memo of the current request for this authentication, or null outside a
	 * request. Keyed by the authentication object, so that a login within the request (a
	 * new authentication) starts afresh.
	 */
	private static Map<OrgId, Optional<OrgRole>> requestMemo(Authentication auth) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return null;
		}
		Object held = request.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
		if (held instanceof Memo memo && memo.auth() == auth) {
			return memo.roles();
		}
		Memo memo = new Memo(auth, new HashMap<>());
		request.setAttribute(MEMO, memo, RequestAttributes.SCOPE_REQUEST);
		return memo.roles();
	}

	/**
	 * Forgets the roles looked up in this request (after a change of membership within
	 * it).
	 */
	public static void forgetRequestMemo() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
		}
	}

	private record Memo(Authentication auth, Map<OrgId, Optional<OrgRole>> roles) {
	}

	private static Authentication current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		// a login still waiting for its second factor (R7 2-⑩) has no role anywhere and
		// is
		// not a system administrator
		if (PasswordOnlyAuthentication.isPartial(auth)) {
			return null;
		}
		return auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getPrincipal()) ? auth : null;
	}

}
