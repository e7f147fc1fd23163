package jp.mamori.identity;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A login that has passed the password but not yet the second factor (checklist item R7
 * 2-⑩): it carries only {@link #AUTHORITY}, reaches only the page of its pending step,
 * and holds no role in any organisation. The password login it stands for is kept inside
 * and takes its place once the step is done.
 */
public final class PasswordOnlyAuthentication extends AbstractAuthenticationToken {

	public static final String AUTHORITY = "FACTOR_PASSWORD_ONLY";

	/** What the person must still do. */
	public enum Pending {

		/** Type a code from the authenticator app (or a recovery code). */
		CODE,
		/** Their organisation requires two-factor authentication: enrol first. */
		ENROLMENT

	}

	private final Authentication password;

	private final Pending pending;

	public PasswordOnlyAuthentication(Authentication password, Pending pending) {
		super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
		this.password = password;
		this.pending = pending;
		setDetails(password.getDetails());
		setAuthenticated(true);
	}

	/** Whether {@code authentication} is a login still waiting for its second factor. */
	public static boolean isPartial(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(AUTHORITY::equals);
	}

	public Pending pending() {
		return pending;
	}

	/** The full login, with the user's real authorities. */
	public Authentication completed() {
		return password;
	}

	@Override
	public Object getPrincipal() {
		return password.getName();
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PasswordOnlyAuthentication that && super.equals(that) && pending == that.pending
				&& password.equals(that.password);
	}

	@Override
	public int hashCode() {
		return 31 * super.hashCode() + pending.hashCode();
	}

}
