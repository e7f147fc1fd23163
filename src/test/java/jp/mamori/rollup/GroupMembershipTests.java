package jp.mamori.rollup;

import java.nio.charset.StandardCharsets;

import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.organization.DetailConsent;
import jp.mamori.organization.GroupMember;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.OrganizationGroups;
import jp.mamori.organization.Organizations;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Joining a group takes both sides: the group's administrator requests, the member's
 * administrator accepts with a consent; nobody else can do either.
 */
@IntegrationTest
class GroupMembershipTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organizations organizations;

	@Autowired
	OrganizationGroups groups;

	@Autowired
	UserAccounts users;

	Organization group;

	String groupAdmin;

	String groupViewer;

	Fixtures.ClinicWithChecklist clinic;

	String clinicViewer;

	@BeforeEach
	void groupAndClinic() {
		group = organizations.create("グループ " + Fixtures.uniqueName("g"), OrgKind.GROUP, "test");
		groupAdmin = Fixtures.uniqueName("group-admin");
		users.create(group.id(), groupAdmin, "本部 一郎", Fixtures.PASSWORD, OrgRole.ADMIN, "test");
		groupViewer = Fixtures.uniqueName("group-viewer");
		users.create(group.id(), groupViewer, "本部 二郎", Fixtures.PASSWORD, OrgRole.VIEWER, "test");
		clinic = fixtures.clinicWithR7Checklist("member", OrgRole.ADMIN);
		clinicViewer = Fixtures.uniqueName("clinic-viewer");
		users.create(clinic.org().id(), clinicViewer, "院内 三郎", Fixtures.PASSWORD, OrgRole.VIEWER, "test");
	}

	@Test
	void groupAdministratorRequestsAndMemberAdministratorAccepts() throws Exception {
		mvc.perform(post("/groups/{g}/members", group.id()).param("member", clinic.org().id().toString())
			.with(user(groupAdmin))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(groups.members(group.id())).isEmpty();
		String pending = mvc.perform(get("/groups/{g}/members", group.id()).with(user(groupAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(pending).contains(clinic.org().id().toString()).doesNotContain(clinic.org().name());

		mvc.perform(post("/orgs/{o}/groups/{g}/accept", clinic.org().id(), group.id()).param("consent", "summary")
			.with(user(clinic.username()))
			.with(csrf())).andExpect(status().is3xxRedirection());

		assertThat(groups.members(group.id())).singleElement()
			.extracting(GroupMember::consent)
			.isEqualTo(DetailConsent.SUMMARY);
	}

	@Test
	void onlyTheRightAdministratorsRequestAndAccept() throws Exception {
		mvc.perform(post("/groups/{g}/members", group.id()).param("member", clinic.org().id().toString())
			.with(user(groupViewer))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/groups/{g}/members", group.id()).param("member", clinic.org().id().toString())
			.with(user(clinic.username()))
			.with(csrf())).andExpect(status().isForbidden());
		groups.request(group.id(), clinic.org().id(), groupAdmin);
		mvc.perform(post("/orgs/{o}/groups/{g}/accept", clinic.org().id(), group.id()).param("consent", "full")
			.with(user(clinicViewer))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/orgs/{o}/groups/{g}/accept", clinic.org().id(), group.id()).param("consent", "full")
			.with(user(groupAdmin))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(groups.members(group.id())).isEmpty();
	}

	@Test
	void systemAdministratorAddsAcceptedButTheGroupSeesNothingUntilTheMemberConsents() throws Exception {
		mvc.perform(post("/admin/groups/members").param("group", group.id().toString())
			.param("member", clinic.org().id().toString())
			.with(user(groupAdmin))
			.with(csrf())).andExpect(status().isForbidden());
		groups.addAccepted(group.id(), clinic.org().id(), "sysadmin");
		assertThat(groups.members(group.id())).singleElement()
			.extracting(GroupMember::consent)
			.isEqualTo(DetailConsent.NONE);
		mvc.perform(post("/orgs/{o}/groups/{g}/consent", clinic.org().id(), group.id()).param("consent", "full")
			.with(user(clinic.username()))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(groups.members(group.id())).singleElement()
			.extracting(GroupMember::consent)
			.isEqualTo(DetailConsent.FULL);
	}

}
