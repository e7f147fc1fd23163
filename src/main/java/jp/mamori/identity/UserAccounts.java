package jp.mamori.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jp.mamori.identity.internal.UserRepository;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating users and giving them a role in an organisation. */
@Service
public class UserAccounts {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");

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
			throw new BadInputException(String.join("。", reasons));
		}
		String display = displayName == null || displayName.isBlank() ? name : displayName.strip();
		if (display.length() > 200) {
			throw new BadInputException("氏名は200文字以内で入力してください");
		}
		UserAccount user = new UserAccount(UUID.randomUUID(), name, display, true, users.count() == 0);
		users.insert(user, passwordEncoder.encode(password), clock.instant());
		users.insertMembership(new Membership(org, user.id(), role), clock.instant());
		events.publishEvent(new UserCreated(org, name, role, createdBy));
		return user;
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
