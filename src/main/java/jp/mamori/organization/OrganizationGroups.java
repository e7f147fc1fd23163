package jp.mamori.organization;

import java.time.Clock;
import java.util.List;

import jp.mamori.organization.internal.GroupRepository;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups and their member organisations. A group is an organisation of kind
 * {@link OrgKind#GROUP}. Joining takes two sides: the group's administrator requests it
 * and the member's administrator accepts it, choosing what the group may see
 * ({@link DetailConsent}); only the system administrator adds a member accepted at once,
 * and then the group sees nothing until the member's administrator grants a consent.
 * Callers check who may do what (this module knows no users).
 */
@Service
public class OrganizationGroups {

	private final GroupRepository repository;

	private final Organizations organizations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrganizationGroups(GroupRepository repository, Organizations organizations, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.organizations = organizations;
		this.events = events;
		this.clock = clock;
	}

	/** The group's administrator asks an organisation to join; it stays pending. */
	@Transactional
	public GroupMember request(OrgId group, OrgId member, String by) {
		return add(group, member, false, by);
	}

	/**
	 * The system administrator adds a member accepted at once; the consent stays
	 * {@link DetailConsent#NONE} until the member's administrator changes it.
	 */
	@Transactional
	public GroupMember addAccepted(OrgId group, OrgId member, String by) {
		return add(group, member, true, by);
	}

	private GroupMember add(OrgId group, OrgId member, boolean accepted, String by) {
		requireGroup(group);
		Organization joining = organizations.find(member)
			.orElseThrow(() -> new BadInputException("参加させる組織が見つかりません: " + member));
		if (joining.kind() == OrgKind.GROUP) {
			throw new BadInputException("グループを別のグループに参加させることはできません");
		}
		if (repository.find(group, member).isPresent()) {
			throw new BadInputException("この組織はすでにグループに登録されているか、参加を依頼済みです");
		}
		var now = clock.instant();
		GroupMember row = new GroupMember(group, member, accepted, DetailConsent.NONE, now, by, accepted ? now : null);
		repository.insert(row);
		events.publishEvent(new GroupMembershipChanged(group, member, accepted ? "added" : "requested", "", by));
		return row;
	}

	/**
	 * The member's administrator accepts a pending request with the consent it grants.
	 */
	@Transactional
	public void accept(OrgId group, OrgId member, DetailConsent consent, String by) {
		GroupMember row = require(group, member);
		if (row.accepted()) {
			throw new BadInputException("この参加はすでに承認済みです");
		}
		repository.accept(group, member, consent, clock.instant(), by);
		events.publishEvent(new GroupMembershipChanged(group, member, "accepted", consent.code(), by));
	}

	/** The member's administrator changes what the group may see. */
	@Transactional
	public void changeConsent(OrgId group, OrgId member, DetailConsent consent, String by) {
		GroupMember row = require(group, member);
		if (!row.accepted()) {
			throw new BadInputException("承認前の参加依頼です。先に承認してください");
		}
		repository.consent(group, member, consent);
		events.publishEvent(new GroupMembershipChanged(group, member, "consent", consent.code(), by));
	}

	/** Either side ends the membership (or declines the request). */
	@Transactional
	public void remove(OrgId group, OrgId member, String by) {
		require(group, member);
		repository.delete(group, member);
		events.publishEvent(new GroupMembershipChanged(group, member, "removed", "", by));
	}

	/** Accepted members only: what the roll-up covers. */
	public List<GroupMember> members(OrgId group) {
		return repository.ofGroup(group).stream().filter(GroupMember::accepted).toList();
	}

	/** Accepted and pending rows, for the group's own administration page. */
	public List<GroupMember> membersAndRequests(OrgId group) {
		return repository.ofGroup(group);
	}

	/** The groups an organisation belongs to or is asked to join. */
	public List<GroupMember> groupsOf(OrgId member) {
		return repository.ofMember(member);
	}

	public Organization requireGroup(OrgId group) {
		Organization org = organizations.require(group);
		if (org.kind() != OrgKind.GROUP) {
			throw new BadInputException("グループ（種別 group）の組織ではありません: " + org.name());
		}
		return org;
	}

	private GroupMember require(OrgId group, OrgId member) {
		return repository.find(group, member).orElseThrow(() -> new BadInputException("グループへの参加が見つかりません"));
	}

}
