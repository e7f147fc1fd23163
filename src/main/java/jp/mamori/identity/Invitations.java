package jp.mamori.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.identity.internal.InvitationRepository;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.Sha256;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time invitation links: an administrator invites with a role, copies the link (no
 * mail server needed), and the person who opens it sets up an account or joins with the
 * one they have. The link is 256 random bits, stored hashed, valid for
 * {@value #VALID_DAYS} days and usable once.
 */
@Service
public class Invitations {

	static final int VALID_DAYS = 7;

	/** An invitation as listed (never its token). */
	public record Invitation(UUID id, OrgId org, OrgRole role, String createdBy, Instant createdAt, Instant expiresAt,
			Instant acceptedAt, String acceptedBy, boolean revoked) {

		public boolean open(Instant now) {
			return acceptedAt == null && !revoked && expiresAt.isAfter(now);
		}

	}

	/** A freshly created invitation with its link token (shown once). */
	public record Created(Invitation invitation, String token) {
	}

	private final SecureRandom random = new SecureRandom();

	private final InvitationRepository repository;

	private final UserAccounts users;

	private final Organizations organizations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Invitations(InvitationRepository repository, UserAccounts users, Organizations organizations,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.users = users;
		this.organizations = organizations;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Created invite(OrgId org, OrgRole role, String by) {
		organizations.require(org);
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		Invitation invitation = new Invitation(UUID.randomUUID(), org, role, by, now,
				now.plus(Duration.ofDays(VALID_DAYS)), null, null, false);
		repository.insert(invitation, Sha256.hex(token));
		events.publishEvent(new InvitationChanged(org, invitation.id(), role, "created", by));
		return new Created(invitation, token);
	}

	public List<Invitation> list(OrgId org) {
		return repository.findAll(org);
	}

	@Transactional
	public void revoke(OrgId org, UUID id, String by) {
		if (repository.revoke(org, id) != 1) {
			throw new NotFoundException("招待が見つかりません");
		}
		events.publishEvent(new InvitationChanged(org, id, null, "revoked", by));
	}

	/**
	 * The open invitation behind a link, with its organisation; empty for unknown, used
	 * or expired links.
	 */
	public Optional<Organization> organizationOf(String token) {
		return open(token).flatMap(i -> organizations.find(i.org()));
	}

	public Optional<Invitation> open(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		return repository.findByTokenHash(Sha256.hex(token)).filter(i -> i.open(clock.instant()));
	}

	/** Accepts by creating a new account (password under the R7 rule). */
	@Transactional
	public UserAccount acceptAsNewUser(String token, String username, String displayName, String password) {
		Invitation invitation = requireOpen(token);
		UserAccount user = users.create(invitation.org(), username, displayName, password, invitation.role(), username);
		markAccepted(invitation, username);
		return user;
	}

	/** Accepts with the account the person is logged in with. */
	@Transactional
	public void acceptAsExistingUser(String token, String username) {
		Invitation invitation = requireOpen(token);
		users.join(invitation.org(), username, invitation.role(), username);
		markAccepted(invitation, username);
	}

	private Invitation requireOpen(String token) {
		return open(token).orElseThrow(() -> new BadInputException("この招待リンクは無効か、期限切れか、既に使われています"));
	}

	private void markAccepted(Invitation invitation, String username) {
		// the conditional update makes a link usable once even when two people race for
		// it
		if (repository.markAccepted(invitation.id(), clock.instant(), username) != 1) {
			throw new BadInputException("この招待リンクは既に使われています");
		}
		events.publishEvent(
				new InvitationChanged(invitation.org(), invitation.id(), invitation.role(), "accepted", username));
	}

}
