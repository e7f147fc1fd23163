package jp.mamori.identity.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jp.mamori.identity.Membership;
import jp.mamori.identity.UserAccount;
import jp.mamori.identity.UserAccounts;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.OrgId;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Adds {@code nav} (user, organisation switcher, current organisation) to every page's
 * model.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

	private final UserAccounts users;

	private final Organizations organizations;

	NavigationAdvice(UserAccounts users, Organizations organizations) {
		this.users = users;
		this.organizations = organizations;
	}

	@ModelAttribute("nav")
	Navigation navigation(Principal principal, HttpServletRequest request) {
		if (principal == null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return null;
		}
		UserAccount user = users.find(principal.getName()).orElse(null);
		if (user == null) {
			return null;
		}
		// one query for all the user's organisations (a group's user belongs to hundreds)
		List<Membership> memberships = users.memberships(user.username());
		Map<OrgId, Organization> orgs = organizations.findAll(memberships.stream().map(Membership::org).toList())
			.stream()
			.collect(Collectors.toMap(Organization::id, o -> o));
		List<Navigation.OrgLink> links = memberships.stream()
			.filter(m -> orgs.containsKey(m.org()))
			.map(m -> link(orgs.get(m.org()), m))
			.toList();
		@SuppressWarnings("unchecked")
		Map<String, String> vars = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String currentId = vars == null ? null : vars.get("org");
		// pages outside an organisation (the catalog) keep the first organisation's
		// navigation
		Navigation.OrgLink current = links.stream()
			.filter(l -> l.id().equals(currentId))
			.findFirst()
			.orElse(currentId == null && !links.isEmpty() ? links.get(0) : null);
		return new Navigation(user.username(), user.displayName(), user.systemAdmin(), links, current);
	}

	private static Navigation.OrgLink link(Organization o, Membership m) {
		return new Navigation.OrgLink(o.id().toString(), o.name(), o.kind().code(), m.role().code());
	}

}
