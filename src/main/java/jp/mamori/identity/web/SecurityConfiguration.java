package jp.mamori.identity.web;

import java.util.UUID;

import jp.mamori.identity.ApiTokens;
import jp.mamori.identity.OrgAccess;
import jp.mamori.identity.PasswordOnlyAuthentication;
import jp.mamori.shared.OrgId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Form login for people, bearer tokens for scripts, CSRF on every form and htmx request,
 * and a strict Content-Security-Policy: no inline scripts or styles anywhere in the
 * templates.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * CSRF rides on the session cookie; an API call without one carries no ambient
	 * credentials to abuse, so it is answered 401 (not authenticated) rather than 403
	 * (missing CSRF token).
	 */
	static boolean hasSessionCookie(jakarta.servlet.http.HttpServletRequest request) {
		jakarta.servlet.http.Cookie[] cookies = request.getCookies();
		return cookies != null && java.util.Arrays.stream(cookies).anyMatch(c -> "SESSION".equals(c.getName()));
	}

	static AuthorizationManager<RequestAuthorizationContext> memberOfPathOrganization(OrgAccess access) {
		return memberOfPathOrganization(access, "org");
	}

	/**
	 * The gate for paths naming an organisation in {@code variable}; a group's pages name
	 * the group organisation as {@code {group}}.
	 */
	static AuthorizationManager<RequestAuthorizationContext> memberOfPathOrganization(OrgAccess access,
			String variable) {
		AuthorizationManager<RequestAuthorizationContext> fullLogin = TwoFactorLogin.fullLogin();
		return (authentication, context) -> {
			if (!fullLogin.authorize(authentication, context).isGranted()) {
				return new AuthorizationDecision(false);
			}
			try {
				OrgId org = new OrgId(UUID.fromString(context.getVariables().get(variable)));
				return new AuthorizationDecision(access.isMember(org));
			}
			catch (IllegalArgumentException | NullPointerException notAnId) {
				return new AuthorizationDecision(false);
			}
		};
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@ConditionalOnWebApplication
	SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokens tokens, TwoFactorLogin twoFactorLogin,
			OrgAccess access) throws Exception {
		var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/setup", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
					"/actuator/health", "/actuator/health/**", "/error", "/invitations/*")
			.permitAll()
			// a login waiting for its second factor reaches only the page of that step
			// (R7 2-⑩)
			.requestMatchers(TwoFactorLogin.CODE_PAGE)
			.access(TwoFactorLogin.pendingStep(PasswordOnlyAuthentication.Pending.CODE))
			.requestMatchers(TwoFactorLogin.ENROLMENT_PAGE, TwoFactorLogin.ENROLMENT_PAGE + "/**")
			.access(TwoFactorLogin.fullOrPendingEnrolment())
			.requestMatchers("/orgs/switch")
			.access(TwoFactorLogin.fullLogin())
			// an organisation's pages and API are closed to non-members before anything
			// else is read from the
			// request; each handler then names the role it needs (@PreAuthorize)
			.requestMatchers("/orgs/{org}/**", "/api/v1/orgs/{org}/**")
			.access(memberOfPathOrganization(access))
			// a group's roll-up: only users with a role in the group organisation itself,
			// never a member organisation's own users
			.requestMatchers("/groups/{group}/**", "/api/v1/groups/{group}/**")
			.access(memberOfPathOrganization(access, "group"))
			.anyRequest()
			.access(TwoFactorLogin.fullLogin()))
			.formLogin(form -> form.loginPage("/login").successHandler(twoFactorLogin).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenFilter::hasBearer,
					request -> api.matches(request) && !hasSessionCookie(request)))
			.exceptionHandling(
					ex -> ex.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
						.accessDeniedHandler(TwoFactorLogin.backToPendingStep(api)))
			.addFilterBefore(new ApiTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
