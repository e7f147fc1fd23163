package jp.mamori.organization.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.mamori.organization.DetailConsent;
import jp.mamori.organization.GroupMember;
import jp.mamori.organization.OrganizationGroups;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Both sides of a group membership: the group's page of its members (its administrator
 * requests new ones), the member's page of its groups (its administrator accepts, sets
 * the consent or leaves), and the system administrator's direct, accepted addition.
 */
@Controller
class GroupMembersController {

	private final OrganizationGroups groups;

	private final Organizations organizations;

	GroupMembersController(OrganizationGroups groups, Organizations organizations) {
		this.groups = groups;
		this.organizations = organizations;
	}

	@GetMapping("/groups/{group}/members")
	@PreAuthorize("@access.canView(#group)")
	String members(@PathVariable OrgId group, Model model) {
		model.addAttribute("group", groups.requireGroup(group));
		Map<GroupMember, String> accepted = new LinkedHashMap<>();
		groups.membersAndRequests(group)
			.stream()
			.filter(GroupMember::accepted)
			.forEach(m -> accepted.put(m, organizations.require(m.member()).name()));
		model.addAttribute("members", accepted);
		// a pending request shows the id the group typed, never the organisation's name:
		// the group learns nothing of an organisation that has not accepted
		model.addAttribute("pending", groups.membersAndRequests(group).stream().filter(m -> !m.accepted()).toList());
		return "organization/group-members";
	}

	@PostMapping("/groups/{group}/members")
	@PreAuthorize("@access.canAdminister(#group)")
	String request(@PathVariable OrgId group, @RequestParam String member, Principal principal,
			RedirectAttributes redirect) {
		try {
			groups.request(group, OrgId.of(member.strip()), principal.getName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("groupError", ex.getMessage());
		}
		return "redirect:/groups/" + group + "/members";
	}

	@PostMapping("/groups/{group}/members/{member}/remove")
	@PreAuthorize("@access.canAdminister(#group)")
	String remove(@PathVariable OrgId group, @PathVariable OrgId member, Principal principal,
			RedirectAttributes redirect) {
		try {
			groups.remove(group, member, principal.getName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("groupError", ex.getMessage());
		}
		return "redirect:/groups/" + group + "/members";
	}

	@GetMapping("/orgs/{org}/groups")
	@PreAuthorize("@access.canView(#org)")
	String groupsOfMember(@PathVariable OrgId org, Model model) {
		model.addAttribute("org", organizations.require(org));
		Map<GroupMember, String> rows = new LinkedHashMap<>();
		groups.groupsOf(org).forEach(m -> rows.put(m, organizations.require(m.group()).name()));
		model.addAttribute("groups", rows);
		model.addAttribute("consents", DetailConsent.values());
		return "organization/member-groups";
	}

	@PostMapping("/orgs/{org}/groups/{group}/accept")
	@PreAuthorize("@access.canAdminister(#org)")
	String accept(@PathVariable OrgId org, @PathVariable OrgId group, @RequestParam String consent, Principal principal,
			RedirectAttributes redirect) {
		try {
			groups.accept(group, org, DetailConsent.require(consent), principal.getName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("groupError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/groups";
	}

	@PostMapping("/orgs/{org}/groups/{group}/consent")
	@PreAuthorize("@access.canAdminister(#org)")
	String consent(@PathVariable OrgId org, @PathVariable OrgId group, @RequestParam String consent,
			Principal principal, RedirectAttributes redirect) {
		try {
			groups.changeConsent(group, org, DetailConsent.require(consent), principal.getName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("groupError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/groups";
	}

	@PostMapping("/orgs/{org}/groups/{group}/leave")
	@PreAuthorize("@access.canAdminister(#org)")
	String leave(@PathVariable OrgId org, @PathVariable OrgId group, Principal principal, RedirectAttributes redirect) {
		try {
			groups.remove(group, org, principal.getName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("groupError", ex.getMessage());
		}
		return "redirect:/orgs/" + org + "/groups";
	}

	@PostMapping("/admin/groups/members")
	@PreAuthorize("@access.isSystemAdmin()")
	String addAccepted(@RequestParam String group, @RequestParam String member, Principal principal,
			RedirectAttributes redirect) {
		try {
			groups.addAccepted(OrgId.of(group.strip()), OrgId.of(member.strip()), principal.getName());
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/admin/organizations";
	}

}
