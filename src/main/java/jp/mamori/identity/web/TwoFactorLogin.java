package jp.mamori.identity.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.mamori.identity.ApiTokenAuthentication;
import jp.mamori.identity.PasswordOnlyAuthentication;
import jp.mamori.identity.PasswordOnlyAuthentication.Pending;
import jp.mamori.identity.TwoFactor;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The login in two steps (checklist item R7 2-⑩). After a correct password, a user with
 * an authenticator gets only a {@link PasswordOnlyAuthentication} and is sent to the code
 * page; a user whose organisation requires two factors but who has none yet is sent to
 * enrol. Such a partial login reaches only the page of its pending step (and logout and
 * static files); the real authorities replace it, under a new session id, once the step
 * is done. Users without two-factor authentication log in as before.
 */
@Component
class TwoFactorLogin implements AuthenticationSuccessHandler {

	static final String CODE_PAGE = "/login/two-factor";

	static final String ENROLMENT_PAGE = "/account/security";

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private final TwoFactor twoFactor;

	private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	private final RequestCache requestCache = new HttpSessionRequestCache();

	private final SavedRequestAwareAuthenticationSuccessHandler withoutSecondFactor = new SavedRequestAwareAuthenticationSuccessHandler();

	TwoFactorLogin(TwoFactor twoFactor) {
		this.twoFactor = twoFactor;
		withoutSecondFactor.setDefaultTargetUrl("/");
		withoutSecondFactor.setRequestCache(requestCache);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication password) throws IOException, ServletException {
		String username = password.getName();
		Pending pending = twoFactor.isEnabled(username) ? Pending.CODE
				: twoFactor.requiredFor(username) ? Pending.ENROLMENT : null;
		if (pending == null) {
			withoutSecondFactor.onAuthenticationSuccess(request, response, password);
			return;
		}
		store(new PasswordOnlyAuthentication(password, pending), request, response);
		response.sendRedirect(request.getContextPath() + page(pending));
	}

	/**
	 * The pending step is done: the full login takes the place of the partial one, under
	 * a new session id (as after the password). Returns where to go: the page first asked
	 * for, or the start page.
	 */
	String complete(PasswordOnlyAuthentication partial, HttpServletRequest request, HttpServletResponse response) {
		request.changeSessionId();
		store(partial.completed(), request, response);
		if (request.getSession(false) != null) {
			request.getSession(false).removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		}
		SavedRequest saved = requestCache.getRequest(request, response);
		requestCache.removeRequest(request, response);
		return saved == null ? "/" : saved.getRedirectUrl();
	}

	private void store(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	static String page(Pending pending) {
		return pending == Pending.CODE ? CODE_PAGE : ENROLMENT_PAGE;
	}

	/**
	 * A login with every factor it needs (or an API token, which 2FA does not concern).
	 */
	static boolean isFull(Authentication authentication) {
		return TRUST.isAuthenticated(authentication) && !PasswordOnlyAuthentication.isPartial(authentication);
	}

	static boolean isPending(Authentication authentication, Pending pending) {
		return authentication instanceof PasswordOnlyAuthentication partial && partial.pending() == pending;
	}

	/** Every page but the few named in the security configuration. */
	static AuthorizationManager<RequestAuthorizationContext> fullLogin() {
		return (authentication, context) -> new AuthorizationDecision(isFull(authentication.get()));
	}

	/** The page of a pending step: reached by the partial login waiting for it. */
	static AuthorizationManager<RequestAuthorizationContext> pendingStep(Pending pending) {
		return (authentication, context) -> new AuthorizationDecision(isPending(authentication.get(), pending));
	}

	/**
	 * The account security page: full logins (not API tokens), and those that must enrol.
	 */
	static AuthorizationManager<RequestAuthorizationContext> fullOrPendingEnrolment() {
		return (authentication, context) -> {
			Authentication auth = authentication.get();
			return new AuthorizationDecision(
					(isFull(auth) && !(auth instanceof ApiTokenAuthentication)) || isPending(auth, Pending.ENROLMENT));
		};
	}

	/**
	 * A partial login that asks for any other page is sent back to its pending step; API
	 * calls, and everybody else, get the usual 403.
	 */
	static AccessDeniedHandler backToPendingStep(RequestMatcher api) {
		AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
		return (request, response, denied) -> {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth instanceof PasswordOnlyAuthentication partial && !api.matches(request)) {
				response.sendRedirect(request.getContextPath() + page(partial.pending()));
			}
			else {
				forbidden.handle(request, response, denied);
			}
		};
	}

}
