package jp.mamori.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jp.mamori.identity.internal.UserRepository;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.FieldViolation;
import jp.mamori.shared.InvalidInputException;
import jp.mamori.shared.OrgId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their roles: creating, joining, changing role, leaving, deactivating,
 * changing the password (checklist R7 2-⑦ rule, and no reuse of the last
 * {@value #HISTORY} passwords — 2-⑧).
 */
@Service
public class UserAccounts {

	public static final int HISTORY = 5;

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");

	/**
	 * A member of an organisation, as listed on the members page.
	 *
	 * @param mail where reminders go (shown to the organisation's administrators)
	 */
	public record Member(UserAccount user, OrgRole role, MailSettings mail) {
	}

	private final UserRepository users;

	private final Organizations organizations;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UserAccounts(UserRepository users, Organizations organizations, PasswordEncoder passwordEncoder,
			ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.organizations = organizations;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a user with a role in {@code org}. The first user of the instance also
	 * becomes システム管理者, so that somebody can manage the catalog and create organisations.
	 */
	@Transactional
	public UserAccount create(OrgId org, String username, String displayName, String password, OrgRole role,
			String createdBy) {
		organizations.require(org);
		String name = username == null ? "" : username.strip();
		if (!USERNAME.matcher(name).matches()) {
			throw new BadInputException("利用者IDは半角英数字と . _ @ - で3〜100文字にしてください");
		}
		if (users.findByUsername(name).isPresent()) {
			throw new BadInputException("利用者ID " + name + " は既に使われています");
		}
		List<String> reasons = PasswordPolicy.violations(password, name);
		if (!reasons.isEmpty()) {
			throw new InvalidInputException(reasons.stream().map(r -> new FieldViolation("password", r)).toList());
		}
		String display = displayName == null || displayName.isBlank() ? name : displayName.strip();
		if (display.length() > 200) {
			throw new BadInputException("氏名は200文字以内で入力してください");
		}
		UserAccount user = new UserAccount(UUID.randomUUID(), name, display, true, users.count() == 0);
		String hash = passwordEncoder.encode(password);
		users.insert(user, hash, clock.instant());
		users.insertPasswordHistory(user.id(), hash, clock.instant());
		users.insertMembership(new Membership(org, user.id(), role), clock.instant());
		OrgAccess.forgetRequestMemo();
		events.publishEvent(new UserCreated(org, name, role, createdBy));
		return user;
	}

	/** Adds an existing user to an organisation (e.g. an accepted invitation). */
	@Transactional
	public void join(OrgId org, String username, OrgRole role, String by) {
		organizations.require(org);
		UserAccount user = users.findByUsername(username)
			.filter(UserAccount::enabled)
			.orElseThrow(() -> new BadInputException("利用者が見つかりません: " + username));
		if (users.role(username, org).isPresent()) {
			throw new BadInputException("利用者 " + username + " は既にこの組織に所属しています");
		}
		users.insertMembership(new Membership(org, user.id(), role), clock.instant());
		OrgAccess.forgetRequestMemo();
		events.publishEvent(new MembershipChanged(org, username, null, role, by));
	}

	/**
	 * Changes a password after checking the current one, the R7 rule and the history:
	 * none of the last {@value #HISTORY} passwords may come back.
	 */
	@Transactional
	public void changePassword(String username, String currentPassword, String newPassword) {
		var credentials = users.credentials(username)
			.filter(c -> c.user().enabled())
			.orElseThrow(() -> new BadInputException("利用者が見つかりません"));
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, credentials.passwordHash())) {
			throw new InvalidInputException("currentPassword", "現在のパスワードが違います");
		}
		List<String> reasons = PasswordPolicy.violations(newPassword, username);
		if (!reasons.isEmpty()) {
			throw new InvalidInputException("newPassword", String.join("。", reasons));
		}
		UUID id = credentials.user().id();
		for (String old : users.recentPasswordHashes(id, HISTORY)) {
			if (passwordEncoder.matches(newPassword, old)) {
				throw new InvalidInputException("newPassword", "最近使った" + HISTORY + "つのパスワードは使えません（使い回しの禁止）");
			}
		}
		String hash = passwordEncoder.encode(newPassword);
		users.updatePassword(id, hash, clock.instant());
		users.insertPasswordHistory(id, hash, clock.instant());
		events.publishEvent(
				new PasswordChanged(username, users.memberships(username).stream().map(Membership::org).toList()));
	}

	public List<Member> members(OrgId org) {
		return users.members(org).stream().map(m -> new Member(m.user(), m.role(), m.mail())).toList();
	}

	/**
	 * Gives a member another role; the organisation always keeps an enabled
	 * administrator.
	 */
	@Transactional
	public void changeRole(OrgId org, String username, OrgRole role, String by) {
		UserAccount user = requireMember(org, username);
		OrgRole before = users.role(username, org).orElseThrow();
		if (before == OrgRole.ADMIN && role != OrgRole.ADMIN && users.countEnabledAdmins(org) <= 1) {
			throw new BadInputException("最後の管理者の権限は変更できません。先に別の管理者を追加してください");
		}
		users.updateRole(org, user.id(), role);
		OrgAccess.forgetRequestMemo();
		events.publishEvent(new MembershipChanged(org, username, before, role, by));
	}

	/**
	 * Removes a member from the organisation (the account itself stays for its other
	 * organisations).
	 */
	@Transactional
	public void removeMember(OrgId org, String username, String by) {
		UserAccount user = requireMember(org, username);
		OrgRole before = users.role(username, org).orElseThrow();
		if (before == OrgRole.ADMIN && users.countEnabledAdmins(org) <= 1) {
			throw new BadInputException("最後の管理者は外せません。先に別の管理者を追加してください");
		}
		users.deleteMembership(org, user.id());
		OrgAccess.forgetRequestMemo();
		events.publishEvent(new MembershipChanged(org, username, before, null, by));
	}

	/**
	 * Deactivates an account: it can no longer log in, its sessions end and its API
	 * tokens stop working at once. An organisation administrator may deactivate only
	 * accounts that belong to no other organisation.
	 */
	@Transactional
	public void deactivate(OrgId org, String username, String by, boolean bySystemAdmin) {
		UserAccount user = requireMember(org, username);
		if (username.equals(by)) {
			throw new BadInputException("自分自身は無効にできません");
		}
		List<Membership> memberships = users.memberships(username);
		if (!bySystemAdmin && memberships.stream().anyMatch(m -> !m.org().equals(org))) {
			throw new BadInputException("この利用者は他の組織にも所属しているため、システム管理者だけが無効にできます。" + "この組織から外す場合は「組織から外す」を使ってください");
		}
		OrgRole role = users.role(username, org).orElseThrow();
		if (role == OrgRole.ADMIN && users.countEnabledAdmins(org) <= 1) {
			throw new BadInputException("最後の管理者は無効にできません");
		}
		users.setEnabled(user.id(), false);
		OrgAccess.forgetRequestMemo();
		events.publishEvent(new UserDeactivated(username, memberships.stream().map(Membership::org).toList(), by));
	}

	private UserAccount requireMember(OrgId org, String username) {
		UserAccount user = users.findByUsername(username)
			.orElseThrow(() -> new jp.mamori.shared.NotFoundException("利用者が見つかりません"));
		if (users.role(username, org).isEmpty()
				&& users.memberships(username).stream().noneMatch(m -> m.org().equals(org))) {
			throw new jp.mamori.shared.NotFoundException("利用者が見つかりません");
		}
		return user;
	}

	/** The user's e-mail address and whether they want reminder mail. */
	public MailSettings mailSettings(String username) {
		return users.mailSettings(username).orElseThrow(() -> new jp.mamori.shared.NotFoundException("利用者が見つかりません"));
	}

	/**
	 * Sets one's own e-mail address (blank removes it) and whether reminders are mailed.
	 * A malformed address is refused with a message naming the field.
	 */
	@Transactional
	public MailSettings changeMailSettings(String username, String email, boolean reminders) {
		UserAccount user = users.findByUsername(username)
			.filter(UserAccount::enabled)
			.orElseThrow(() -> new BadInputException("利用者が見つかりません"));
		MailSettings before = mailSettings(username);
		MailSettings after = new MailSettings(MailSettings.clean(email), reminders);
		users.updateMailSettings(user.id(), after);
		if (!before.equals(after)) {
			events.publishEvent(new MailSettingsChanged(username,
					users.memberships(username).stream().map(Membership::org).toList(), before.describe(),
					after.describe()));
		}
		return after;
	}

	public Optional<UserAccount> find(String username) {
		return users.findByUsername(username);
	}

	public List<Membership> memberships(String username) {
		return users.memberships(username);
	}

	public Optional<OrgRole> role(String username, OrgId org) {
		return users.role(username, org);
	}

}
