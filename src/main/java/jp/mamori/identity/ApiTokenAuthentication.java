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

	public ApiTokenAuthentication(String username, OrgId org) {
		super(List.of(new SimpleGrantedAuthority("ROLE_API")));
		this.username = username;
		this.org = org;
		setAuthenticated(true);
	}

	public OrgId org() {
		return org;
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
