package jp.mamori.identity;

import java.util.List;

import jp.mamori.shared.OrgId;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by an API token: acts as its user, within the token's
 * organisation only.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	private final String username;

	private final OrgId org;

	private final OrgRole role;

	/**
	 * {@code role} is the token's ceiling (null for tokens issued before roles: the
	 * member's role).
	 */
	public ApiTokenAuthentication(String username, OrgId org, OrgRole role) {
		super(List.of(new SimpleGrantedAuthority("ROLE_API")));
		this.username = username;
		this.org = org;
		this.role = role;
		setAuthenticated(true);
	}

	public OrgId org() {
		return org;
	}

	public OrgRole role() {
		return role;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return username;
	}

}
